using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Search;

namespace NasPlatform.Search.Strategies;

/// <summary>
/// Plumbing for strategies that plan a batch of candidates inside one <see cref="Ask"/> and hand it
/// out over the following asks (the predictor strategies). Every random choice of a plan comes from
/// the generator of the ask that makes it, so replaying a stored experiment's asks and tells
/// rebuilds the strategy exactly.
/// </summary>
public abstract class PlannedSearch : ISearchStrategy
{
    private readonly List<TrialOutcome> _told = [];
    private readonly HashSet<string> _proposed = new(StringComparer.Ordinal);
    private readonly Queue<Candidate> _planned = new();

    protected PlannedSearch(StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Context = context;
    }

    protected StrategyContext Context { get; }

    /// <summary>Every outcome told so far, in order.</summary>
    protected IReadOnlyList<TrialOutcome> Told => _told;

    /// <summary>Hashes of every candidate handed out so far.</summary>
    protected IReadOnlySet<string> Proposed => _proposed;

    public TrialProposal Ask(Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (_planned.Count == 0)
        {
            foreach (var candidate in PlanBatch(rng))
            {
                _planned.Enqueue(candidate);
            }

            if (_planned.Count == 0)
            {
                // Nothing new is admitted where the plan looked: let the engine judge a fresh sample.
                _planned.Enqueue(Context.Space.Sample(rng));
            }
        }

        var next = _planned.Dequeue();
        _proposed.Add(next.Hash);
        return new TrialProposal(next);
    }

    public void Tell(TrialOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        _told.Add(outcome);
    }

    /// <summary>The next batch, best first; may be empty.</summary>
    protected abstract IEnumerable<Candidate> PlanBatch(Random rng);

    /// <summary>True when the candidate's free statistics meet the experiment's constraints on them.</summary>
    protected bool Admits(Candidate candidate) =>
        Context.FreeStatisticsConstraint is null || Context.Admits(Context.Space.FreeStatistics(candidate));
}
