using NasPlatform.Abstractions;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Options;
using NasPlatform.Abstractions.Search;
using NasPlatform.Plugins.Quantum.Excitation;

namespace NasPlatform.Plugins.Quantum.Strategies;

/// <summary>
/// Registers "uccsd": the chemists' baseline as a one-trial strategy over the excitation space. It proposes the
/// UCCSD circuit (every fermionic single and double, one Trotter step, <see cref="ExcitationSpace.Uccsd"/>) and is
/// then finished, so the baseline is trained, measured and stored by the same evaluator as the search's circuits.
/// </summary>
public sealed class UccsdStrategyFactory : SearchStrategyFactory<NoOptions>
{
    /// <inheritdoc />
    public override string Name => "uccsd";

    /// <inheritdoc />
    public override string Description => "The UCCSD baseline: one trial of the excitation space's UCCSD circuit (fermionic-sd pool), trained like any candidate.";

    /// <inheritdoc />
    /// <inheritdoc />
    public override ISearchStrategy Create(NoOptions options, StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Space is not ExcitationSpace space || space.Pool.Kind != ExcitationOperatorPool.Fermionic)
        {
            throw new NasConfigurationException($"Strategy 'uccsd' evaluates the UCCSD circuit of the excitation space: set searchSpace to \"{ExcitationSpace.Name}\" with \"pool\": \"{ExcitationOperatorPool.Fermionic}\".");
        }

        if (space.Pool.Count > space.MaxOperators)
        {
            throw new NasConfigurationException($"UCCSD has {space.Pool.Count} operators for {space.Register.Description}, but the excitation space's maxOperators is {space.MaxOperators}; set searchSpace.options.maxOperators to at least {space.Pool.Count}.");
        }

        return new Single(space.Uccsd());
    }

    /// <summary>Proposes one candidate, waits for it (other workers stay idle), then is finished.</summary>
    private sealed class Single(Candidate candidate) : ISearchStrategy
    {
        private bool _asked;
        private bool _told;

        public bool IsFinished => _told;

        public bool AwaitsOutcome => _asked && !_told;

        public TrialProposal Ask(Random rng)
        {
            _asked = true;
            return new TrialProposal(candidate);
        }

        public void Tell(TrialOutcome outcome) => _told = true;
    }
}
