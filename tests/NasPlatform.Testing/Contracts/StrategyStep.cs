using NasPlatform.Abstractions.Search;

namespace NasPlatform.Testing.Contracts;

/// <summary>
/// One call the <see cref="StrategyDriver"/> made: an Ask for trial <paramref name="Number"/> (with the
/// proposal it accepted) or a Tell of that trial's outcome.
/// </summary>
public sealed record StrategyStep(int Number, TrialProposal? Proposal, TrialOutcome? Outcome)
{
    public bool IsAsk => Proposal is not null;

    /// <summary>What must be equal between two runs that made the same choices.</summary>
    public override string ToString() => IsAsk
        ? $"ask {Number}: {Proposal!.Candidate.Json} @ {Proposal.Fidelity ?? "(default)"}"
        : $"tell {Number}: {Outcome!.State} {string.Join(",", Outcome.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key}={m.Value:R}"))}";
}
