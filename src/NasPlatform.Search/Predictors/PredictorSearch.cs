using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Predictors;
using NasPlatform.Abstractions.Spaces;

namespace NasPlatform.Search.Predictors;

/// <summary>
/// Evolution on a fitted predictor instead of on evaluations (NARS's search step): random samples
/// plus the given seeds are scored; then each generation mutates the best-predicted candidates and
/// crosses some of them, scoring every new child in one batch. Candidates the filter refuses (for
/// instance, whose free statistics break a constraint) are never scored. Every candidate scored is
/// kept, so callers pick from the whole archive (best mean, or best upper bound for exploration).
/// All randomness comes from the generator passed in.
/// </summary>
public sealed class PredictorSearch
{
    /// <summary>Attempts per wanted random sample before the space is taken as exhausted.</summary>
    private const int SampleAttemptsPerCandidate = 4;

    private readonly ISearchSpace _space;
    private readonly IPredictor _predictor;
    private readonly Func<Candidate, bool> _admits;
    private readonly PredictorSearchOptions _options;

    /// <param name="space">Where candidates come from.</param>
    /// <param name="predictor">A fitted predictor of the utility (larger is better).</param>
    /// <param name="admits">Which candidates may be scored at all (e.g. the constraints on free statistics).</param>
    /// <param name="options">Sizes of the search.</param>
    public PredictorSearch(ISearchSpace space, IPredictor predictor, Func<Candidate, bool> admits, PredictorSearchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(predictor);
        ArgumentNullException.ThrowIfNull(admits);
        _space = space;
        _predictor = predictor;
        _admits = admits;
        _options = options ?? new PredictorSearchOptions();
        _options.Check();
    }

    /// <summary>Candidates the last <see cref="Run"/> scored.</summary>
    public int Scored { get; private set; }

    /// <summary>Runs the search; returns every admitted candidate scored, best predicted mean first (ties keep discovery order).</summary>
    public IReadOnlyList<ScoredCandidate> Run(IEnumerable<Candidate> seeds, Random rng)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        ArgumentNullException.ThrowIfNull(rng);
        var archive = new Dictionary<string, ScoredCandidate>(StringComparer.Ordinal);
        var order = new List<ScoredCandidate>();
        var refused = new HashSet<string>(StringComparer.Ordinal);

        var initial = new List<Candidate>();
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var seed in seeds)
        {
            if (wanted.Add(seed.Hash))
            {
                initial.Add(seed);
            }
        }

        var target = initial.Count + _options.RandomSamples;
        for (var attempt = 0; attempt < _options.RandomSamples * SampleAttemptsPerCandidate && initial.Count < target; attempt++)
        {
            var sample = _space.Sample(rng);
            if (wanted.Add(sample.Hash))
            {
                initial.Add(sample);
            }
        }

        Score(initial, archive, order, refused);
        for (var generation = 0; generation < _options.Generations && order.Count > 0; generation++)
        {
            var parents = order.OrderByDescending(s => s.Mean).Take(_options.Parents).Select(s => s.Candidate).ToArray();
            var children = new List<Candidate>();
            foreach (var parent in parents)
            {
                for (var m = 0; m < _options.MutationsPerParent; m++)
                {
                    children.Add(_space.Mutate(parent, rng));
                }
            }

            var crossovers = parents.Length < 2 ? 0 : (int)Math.Round(_options.CrossoverFraction * parents.Length);
            for (var c = 0; c < crossovers; c++)
            {
                children.Add(_space.Crossover(parents[rng.Next(parents.Length)], parents[rng.Next(parents.Length)], rng));
            }

            Score(children, archive, order, refused);
        }

        Scored = order.Count;
        // A stable sort, so equal predictions keep the order in which they were found.
        return order.OrderByDescending(s => s.Mean).ToList();
    }

    private void Score(List<Candidate> candidates, Dictionary<string, ScoredCandidate> archive, List<ScoredCandidate> order, HashSet<string> refused)
    {
        var fresh = new List<Candidate>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            if (archive.ContainsKey(candidate.Hash) || refused.Contains(candidate.Hash) || !seen.Add(candidate.Hash))
            {
                continue;
            }

            if (!_admits(candidate))
            {
                refused.Add(candidate.Hash);
                continue;
            }

            fresh.Add(candidate);
        }

        if (fresh.Count == 0)
        {
            return;
        }

        var prediction = _predictor.Predict(fresh.Select(_space.Encode).ToArray());
        for (var i = 0; i < fresh.Count; i++)
        {
            var scored = new ScoredCandidate(fresh[i], prediction.Mean[i], prediction.Spread[i]);
            archive.Add(fresh[i].Hash, scored);
            order.Add(scored);
        }
    }
}
