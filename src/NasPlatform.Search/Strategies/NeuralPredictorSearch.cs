using System.Globalization;
using NasPlatform.Search.Predictors;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Search;

namespace NasPlatform.Search.Strategies;

/// <summary>
/// The one-round neural-predictor recipe (Wen et al. 2020, "Neural Predictor for Neural Architecture
/// Search"; used for circuits by Zhang et al. 2021, "Neural predictor based quantum architecture
/// search"): evaluate N random candidates, fit the predictor once, rank a large pool of random
/// candidates by predicted mean, and evaluate them best first until the budget ends. Should the
/// pool run out, random samples follow.
/// </summary>
/// <remarks>
/// As in <see cref="PredictorGuidedSearch"/>, plans are made inside <see cref="PlannedSearch.Ask"/> from its
/// generator, so replaying a stored experiment rebuilds the strategy exactly.
/// </remarks>
public sealed class NeuralPredictorSearch : PlannedSearch, IDisposable
{
    private readonly int _trainingSamples;
    private readonly int _poolSize;
    private readonly PredictorTrainer _trainer;

    public NeuralPredictorSearch(StrategyContext context, int trainingSamples, int poolSize, PredictorSettings predictor, PredictorCatalog predictors)
        : base(context)
    {
        ArgumentNullException.ThrowIfNull(predictor);
        ArgumentOutOfRangeException.ThrowIfLessThan(trainingSamples, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(poolSize, 1);
        _trainingSamples = trainingSamples;
        _poolSize = poolSize;
        _trainer = new PredictorTrainer(context, predictor, predictors);
    }

    /// <summary>True once the predictor has ranked the pool.</summary>
    public bool HasRanked => _trainer.Fits > 0;

    public void Dispose() => _trainer.Dispose();

    protected override IEnumerable<Candidate> PlanBatch(Random rng)
    {
        var training = PredictorTrainer.TrainingTrials(Told, Context);
        IReadOnlyList<Candidate> batch = [];
        if (!HasRanked && (Proposed.Count < _trainingSamples || training.Count < 2))
        {
            batch = RandomAdmitted(Math.Max(1, _trainingSamples - Proposed.Count), rng);
        }
        else if (!HasRanked)
        {
            _trainer.Refit(training, rng.Next());
            var pool = RandomAdmitted(_poolSize, rng);
            Context.Status.Report(string.Create(CultureInfo.InvariantCulture, $"screening {pool.Count} candidates on the predictor"));
            var prediction = _trainer.Predictor.Predict(pool.Select(Context.Space.Encode).ToArray());
            // A stable sort: equal predictions keep the pool's order.
            batch = Enumerable.Range(0, pool.Count).OrderByDescending(i => prediction.Mean[i]).Select(i => pool[i]).ToList();
        }

        return batch.Count > 0 ? batch : RandomAdmitted(1, rng);
    }

    private List<Candidate> RandomAdmitted(int count, Random rng)
    {
        var told = Told.Select(t => t.Candidate.Hash);
        var seen = new HashSet<string>(Proposed.Concat(told), StringComparer.Ordinal);
        var picked = new List<Candidate>();
        for (var attempt = 0; attempt < count * 4 && picked.Count < count; attempt++)
        {
            var candidate = Context.Space.Sample(rng);
            if (seen.Add(candidate.Hash) && Admits(candidate))
            {
                picked.Add(candidate);
            }
        }

        return picked;
    }
}
