using NasPlatform.Abstractions;
using NasPlatform.Search.Constraints;
using System.Globalization;
using System.Text;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Search;
using NasPlatform.Abstractions.Spaces;
using NasPlatform.Engine.Storage;

namespace NasPlatform.Engine.Running;

/// <summary>A proposal the runner accepted for evaluation.</summary>
/// <param name="Candidate">The candidate.</param>
/// <param name="Fidelity">The fidelity it is evaluated at.</param>
/// <param name="FreeStatistics">Its free statistics.</param>
/// <param name="Parents">The earlier trials the strategy made the candidate from (<see cref="TrialProposal.Parents"/>), distinct, each below the new trial's number.</param>
internal sealed record AcceptedProposal(Candidate Candidate, Fidelity Fidelity, IReadOnlyDictionary<string, double> FreeStatistics, IReadOnlyList<int> Parents);

/// <summary>
/// Asks the strategy until it proposes a candidate worth evaluating: one whose free statistics
/// meet every constraint on them (the EEEA-Net early exit) and that the store does not already
/// hold at that fidelity. Rejected proposals are resampled with the same generator and spend no
/// budget; after <see cref="MaxConsecutiveRejections"/> in a row the experiment gives up.
/// </summary>
internal sealed class ProposalSource
{
    public const int MaxConsecutiveRejections = ExperimentRunner.MaxConsecutiveRejections;

    private readonly ISearchStrategy _strategy;
    private readonly ISearchSpace _space;
    private readonly IReadOnlyList<Constraint> _constraints;
    private readonly Func<string?, Fidelity> _resolveFidelity;
    private readonly IRunObserver _observer;
    private readonly HashSet<(string Hash, string Fidelity)> _known = [];

    public ProposalSource(
        ISearchStrategy strategy,
        ISearchSpace space,
        IReadOnlyList<Constraint> constraints,
        Func<string?, Fidelity> resolveFidelity,
        IRunObserver observer)
    {
        _strategy = strategy;
        _space = space;
        _constraints = constraints;
        _resolveFidelity = resolveFidelity;
        _observer = observer;
    }

    /// <summary>Proposals rejected so far.</summary>
    public long Rejected { get; private set; }

    /// <summary>Replayed proposals that differed from what the store holds (a strategy or space that is not deterministic).</summary>
    public int ReplayMismatches { get; private set; }

    private bool _replaying;

    /// <summary>
    /// Asks the strategy again for a trial the store already holds, with the generator it had then,
    /// so the strategy's own state (queues, batches, planned rounds) moves as it did the first time.
    /// The stored candidate stays what counts, even if the strategy now proposes another.
    /// </summary>
    public void Replay(TrialRecord stored, Random rng)
    {
        _replaying = true;
        try
        {
            var accepted = Next(stored.Number, rng);
            if (accepted.Candidate.Hash != stored.Hash || accepted.Fidelity.Name != stored.Fidelity)
            {
                _known.Remove((accepted.Candidate.Hash, accepted.Fidelity.Name));
                ReplayMismatches++;
            }
        }
        catch (NasConfigurationException)
        {
            ReplayMismatches++;
        }
        finally
        {
            _replaying = false;
        }

        _known.Add((stored.Hash, stored.Fidelity));
    }

    /// <summary>Records a candidate the store holds, so it is never proposed for evaluation again.</summary>
    public void MarkKnown(string hash, string fidelity) => _known.Add((hash, fidelity));

    /// <summary>The constraints that apply to free statistics, given a candidate's free statistics.</summary>
    public IEnumerable<Constraint> FreeStatisticConstraints(IReadOnlyDictionary<string, double> freeStatistics) =>
        _constraints.Where(c => freeStatistics.ContainsKey(c.Quantity));

    /// <summary>Asks until a proposal is accepted.</summary>
    /// <exception cref="NasConfigurationException">No acceptable proposal in <see cref="MaxConsecutiveRejections"/> tries.</exception>
    public AcceptedProposal Next(int trialNumber, Random rng)
    {
        var duplicates = 0;
        var violations = new Dictionary<Constraint, (int Count, double Closest)>();
        for (var attempt = 0; attempt < MaxConsecutiveRejections; attempt++)
        {
            var proposal = _strategy.Ask(rng);
            var fidelity = _resolveFidelity(proposal.Fidelity);
            var candidate = proposal.Candidate;
            if (_known.Contains((candidate.Hash, fidelity.Name)))
            {
                duplicates++;
                Reject(new CandidateRejection(trialNumber, candidate, RejectionReason.Duplicate, null, null));
                continue;
            }

            var freeStatistics = _space.FreeStatistics(candidate);
            var broken = FreeStatisticConstraints(freeStatistics).FirstOrDefault(c => !c.IsSatisfiedBy(freeStatistics[c.Quantity]));
            if (broken is not null)
            {
                var value = freeStatistics[broken.Quantity];
                violations[broken] = violations.TryGetValue(broken, out var seen)
                    ? (seen.Count + 1, Closer(broken, seen.Closest, value))
                    : (1, value);
                Reject(new CandidateRejection(trialNumber, candidate, RejectionReason.Constraint, broken, value));
                continue;
            }

            _known.Add((candidate.Hash, fidelity.Name));
            // Only earlier trials can be parents: a strategy's slip (a number not yet given) is dropped, not stored.
            var parents = proposal.Parents.Where(p => p >= 0 && p < trialNumber).Distinct().ToList();
            return new AcceptedProposal(candidate, fidelity, freeStatistics, parents);
        }

        var message = GiveUpMessage(trialNumber, duplicates, violations);
        throw new NasConfigurationException(message, new ProposalsExhaustedException(message, trialNumber, duplicates, violations.Values.Sum(v => v.Count)));
    }

    private void Reject(CandidateRejection rejection)
    {
        Rejected++;
        if (!_replaying)
        {
            _observer.CandidateRejected(rejection);
        }
    }

    /// <summary>The value nearer to satisfying the constraint.</summary>
    private static double Closer(Constraint constraint, double a, double b) =>
        double.IsNaN(a) ? b
        : double.IsNaN(b) ? a
        : constraint.Operator is ComparisonOperator.LessOrEqual or ComparisonOperator.Less ? Math.Min(a, b) : Math.Max(a, b);

    private string GiveUpMessage(int trialNumber, int duplicates, Dictionary<Constraint, (int Count, double Closest)> violations)
    {
        var text = new StringBuilder();
        if (violations.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"No candidate satisfying the constraints was found in {MaxConsecutiveRejections} proposals in a row (for trial {trialNumber}): ");
            text.Append(string.Join("; ", violations.OrderByDescending(v => v.Value.Count).Select(v =>
                string.Create(CultureInfo.InvariantCulture, $"'{v.Key}' was violated {v.Value.Count} times (best value seen: {v.Value.Closest:R})"))));
            if (duplicates > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"; {duplicates} proposals were candidates already evaluated");
            }

            text.Append(". Loosen the constraints in the experiment file, or change the search space options so that such candidates exist.");
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture,
                $"The search space seems exhausted: {MaxConsecutiveRejections} proposals in a row (for trial {trialNumber}) were candidates already in the store ({_known.Count} distinct candidates so far). Lower the trials budget or widen the search space.");
        }

        return text.ToString();
    }
}
