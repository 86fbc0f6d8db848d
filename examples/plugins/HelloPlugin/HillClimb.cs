using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Search;

namespace HelloPlugin;

/// <summary>
/// Samples <c>initialSamples</c> candidates, then proposes mutants of the best usable candidate told so far.
/// Keeps no random state: everything it proposes follows from the generator of each Ask and the outcomes told.
/// </summary>
public sealed class HillClimb(StrategyContext context, int initialSamples) : ISearchStrategy
{
    private int _asked;
    private Candidate? _best;
    private double _bestUtility = double.NegativeInfinity;

    public TrialProposal Ask(Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var candidate = _asked < initialSamples || _best is null
            ? context.Space.Sample(rng)
            : context.Space.Mutate(_best, rng);
        _asked++;
        return new TrialProposal(candidate);
    }

    public void Tell(TrialOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var metric = context.Objectives.Primary.Metric;
        if (!outcome.IsUsable || !outcome.Metrics.TryGetValue(metric, out var value))
            return;
        var utility = context.Objectives.Primary.Utility(value);
        if (utility > _bestUtility)
        {
            _bestUtility = utility;
            _best = outcome.Candidate;
        }
    }
}
