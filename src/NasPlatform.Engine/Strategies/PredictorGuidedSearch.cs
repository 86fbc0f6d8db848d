using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Search;
using NasPlatform.Engine.Predictors;

namespace NasPlatform.Engine.Strategies;

/// <summary>
/// Constrained iterative optimization, NARS stage 1 (Zhang et al. 2021, "Neural architecture-recipe
/// search"): an initial space-filling design; then rounds of: fit the predictor on every usable
/// trial told so far; run an evolutionary search on the predictor, among candidates whose free
/// statistics meet the constraints; propose a batch made of the best predicted candidates of that
/// search, the best predicted mutants of the best measured candidates (local exploitation), and a
/// share picked by upper confidence bound (mean + κ × ensemble spread); repeat until the budget ends.
/// </summary>
/// <remarks>
/// A round is planned inside <see cref="Ask"/> and handed out over the following asks; every random
/// choice (design, fit seed, search) comes from the generator of the ask that plans it, so replaying
/// the asks and tells of a stored experiment rebuilds the strategy exactly. With several workers a
/// round is planned from whatever has been told by then.
/// </remarks>
public sealed class PredictorGuidedSearch : ISearchStrategy, IDisposable
{
    private readonly StrategyContext _context;
    private readonly PredictorGuidedOptions _options;
    private readonly PredictorTrainer _trainer;
    private readonly List<TrialOutcome> _told = [];
    private readonly HashSet<string> _proposed = new(StringComparer.Ordinal);
    private readonly Queue<Candidate> _planned = new();

    public PredictorGuidedSearch(StrategyContext context, PredictorGuidedOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        _context = context;
        _options = options;
        _trainer = new PredictorTrainer(context, options.Predictor);
    }

    /// <summary>Rounds planned with a fitted predictor so far.</summary>
    public int Rounds => _trainer.Fits;

    /// <summary>The predictor (fitted after the first round).</summary>
    public Abstractions.Predictors.IPredictor Predictor => _trainer.Predictor;

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
        IReadOnlyList<Candidate> batch;
        if (_proposed.Count < _options.InitialSamples || training.Count < 2)
        {
            var count = Math.Max(_options.InitialSamples - _proposed.Count, _options.BatchSize);
            batch = _options.SpaceFillingDesign
                ? InitialDesign.SpaceFilling(_context.Space, count, rng, Admits, _proposed)
                : RandomAdmitted(count, rng);
        }
        else
        {
            _trainer.Refit(training, rng.Next());
            batch = PickBatch(training, rng);
        }

        foreach (var candidate in batch)
        {
            _planned.Enqueue(candidate);
        }

        if (_planned.Count == 0)
        {
            // Nothing new is admitted where the plan looked: let the engine judge a fresh sample.
            _planned.Enqueue(_context.Space.Sample(rng));
        }
    }

    private List<Candidate> PickBatch(IReadOnlyList<TrialOutcome> training, Random rng)
    {
        var ranked = training.OrderByDescending(t => PredictorTrainer.Utility(t, _context)).ToList();
        var search = new PredictorSearch(_context.Space, _trainer.Predictor, Admits, _options.Predictor.Search);
        var archive = search.Run(ranked.Take(_options.Predictor.Search.Parents).Select(t => t.Candidate), rng);
        var local = LocalNeighbourhood(ranked, rng);

        var told = _told.Select(t => t.Candidate.Hash).ToHashSet(StringComparer.Ordinal);
        var chosen = new HashSet<string>(StringComparer.Ordinal);
        bool Open(ScoredCandidate s) => !_proposed.Contains(s.Candidate.Hash) && !told.Contains(s.Candidate.Hash) && !chosen.Contains(s.Candidate.Hash);
        var batch = new List<ScoredCandidate>();
        void Take(IEnumerable<ScoredCandidate> source, int count)
        {
            foreach (var s in source.Where(Open).Take(count))
            {
                chosen.Add(s.Candidate.Hash);
                batch.Add(s);
            }
        }

        var exploreCount = (int)Math.Round(_options.ExplorationFraction * _options.BatchSize);
        var localCount = Math.Min((int)Math.Round(_options.LocalFraction * _options.BatchSize), _options.BatchSize - exploreCount);
        Take(archive, _options.BatchSize - exploreCount - localCount);
        Take(local, localCount);
        Take(archive.OrderByDescending(s => s.UpperBound(_options.ExplorationWeight)), _options.BatchSize - batch.Count);
        // Whatever a small space leaves unfilled comes from the archive by mean.
        Take(archive, _options.BatchSize - batch.Count);
        return batch.Select(s => s.Candidate).ToList();
    }

    /// <summary>Mutants of the best measured candidates, scored by the predictor, best predicted first.</summary>
    private List<ScoredCandidate> LocalNeighbourhood(List<TrialOutcome> ranked, Random rng)
    {
        if (_options.LocalFraction <= 0)
        {
            return [];
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var mutants = new List<Candidate>();
        foreach (var parent in ranked.Take(_options.LocalParents))
        {
            for (var m = 0; m < _options.LocalMutations; m++)
            {
                var mutant = _context.Space.Mutate(parent.Candidate, rng);
                if (seen.Add(mutant.Hash) && Admits(mutant))
                {
                    mutants.Add(mutant);
                }
            }
        }

        if (mutants.Count == 0)
        {
            return [];
        }

        var prediction = _trainer.Predictor.Predict(mutants.Select(_context.Space.Encode).ToArray());
        return Enumerable.Range(0, mutants.Count)
            .Select(i => new ScoredCandidate(mutants[i], prediction.Mean[i], prediction.Spread[i]))
            .OrderByDescending(s => s.Mean)
            .ToList();
    }

    private List<Candidate> RandomAdmitted(int count, Random rng)
    {
        var picked = new List<Candidate>();
        var seen = new HashSet<string>(_proposed, StringComparer.Ordinal);
        for (var attempt = 0; attempt < count * 20 && picked.Count < count; attempt++)
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
