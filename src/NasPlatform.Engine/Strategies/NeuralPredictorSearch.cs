using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Search;
using NasPlatform.Engine.Predictors;

namespace NasPlatform.Engine.Strategies;

/// <summary>
/// The one-round neural-predictor recipe (Wen et al. 2020, "Neural Predictor for Neural Architecture
/// Search"; used for circuits by Zhang et al. 2021, "Neural predictor based quantum architecture
/// search"): evaluate N random candidates, fit the predictor once, rank a large pool of random
/// candidates by predicted mean, and evaluate them best first until the budget ends. Should the
/// pool run out, random samples follow.
/// </summary>
/// <remarks>
/// As in <see cref="PredictorGuidedSearch"/>, plans are made inside <see cref="Ask"/> from its
/// generator, so replaying a stored experiment rebuilds the strategy exactly.
/// </remarks>
public sealed class NeuralPredictorSearch : ISearchStrategy, IDisposable
{
    private readonly StrategyContext _context;
    private readonly int _trainingSamples;
    private readonly int _poolSize;
    private readonly PredictorTrainer _trainer;
    private readonly List<TrialOutcome> _told = [];
    private readonly HashSet<string> _proposed = new(StringComparer.Ordinal);
    private readonly Queue<Candidate> _planned = new();

    public NeuralPredictorSearch(StrategyContext context, int trainingSamples, int poolSize, PredictorSettings predictor)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(predictor);
        ArgumentOutOfRangeException.ThrowIfLessThan(trainingSamples, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(poolSize, 1);
        _context = context;
        _trainingSamples = trainingSamples;
        _poolSize = poolSize;
        _trainer = new PredictorTrainer(context, predictor);
    }

    /// <summary>True once the predictor has ranked the pool.</summary>
    public bool HasRanked => _trainer.Fits > 0;

    public TrialProposal Ask(Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (_planned.Count == 0)
        {
            Plan(rng);
        }

        var candidate = _planned.Dequeue();
        _proposed.Add(candidate.Hash);
        return new TrialProposal(candidate);
    }

    public void Tell(TrialOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        _told.Add(outcome);
    }

    public void Dispose() => _trainer.Dispose();

    private void Plan(Random rng)
    {
        var training = PredictorTrainer.TrainingTrials(_told, _context);
        if (!HasRanked && (_proposed.Count < _trainingSamples || training.Count < 2))
        {
            Enqueue(RandomAdmitted(Math.Max(1, _trainingSamples - _proposed.Count), rng));
        }
        else if (!HasRanked)
        {
            _trainer.Refit(training, rng.Next());
            var pool = RandomAdmitted(_poolSize, rng);
            var prediction = _trainer.Predictor.Predict(pool.Select(_context.Space.Encode).ToArray());
            // A stable sort: equal predictions keep the pool's order.
            Enqueue(Enumerable.Range(0, pool.Count).OrderByDescending(i => prediction.Mean[i]).Select(i => pool[i]));
        }

        if (_planned.Count == 0)
        {
            Enqueue(RandomAdmitted(1, rng));
        }

        if (_planned.Count == 0)
        {
            // Nothing new is admitted where we looked: let the engine judge a fresh sample.
            _planned.Enqueue(_context.Space.Sample(rng));
        }
    }

    private void Enqueue(IEnumerable<Candidate> candidates)
    {
        foreach (var candidate in candidates)
        {
            _planned.Enqueue(candidate);
        }
    }

    private List<Candidate> RandomAdmitted(int count, Random rng)
    {
        var told = _told.Select(t => t.Candidate.Hash);
        var seen = new HashSet<string>(_proposed.Concat(told), StringComparer.Ordinal);
        var picked = new List<Candidate>();
        for (var attempt = 0; attempt < count * 4 && picked.Count < count; attempt++)
        {
            var candidate = _context.Space.Sample(rng);
            if (seen.Add(candidate.Hash) && Admits(candidate))
            {
                picked.Add(candidate);
            }
        }

        return picked;
    }

    private bool Admits(Candidate candidate) =>
        _context.FreeStatisticsConstraint is null || _context.Admits(_context.Space.FreeStatistics(candidate));
}
