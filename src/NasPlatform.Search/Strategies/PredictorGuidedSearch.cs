using System.Globalization;
using NasPlatform.Search.Predictors;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Search;

namespace NasPlatform.Search.Strategies;

/// <summary>
/// Constrained iterative optimization, NARS stage 1 (Zhang et al. 2021, "Neural architecture-recipe
/// search"): an initial space-filling design; then rounds of: fit the predictor on every usable
/// trial told so far; run an evolutionary search on the predictor, among candidates whose free
/// statistics meet the constraints; propose a batch made of the best predicted candidates of that
/// search, the best predicted mutants of the best measured candidates (local exploitation), and a
/// share picked by upper confidence bound (mean + κ × ensemble spread); repeat until the budget ends.
/// With trials of another experiment in the context (<see cref="StrategyContext.TransferredTrials"/>, a similar
/// problem on the same space) they stand in for the initial design: every fit learns from them too, each problem's
/// objective standardised on its own (<see cref="TransferTargets"/>), so the first round is already picked by a
/// predictor; they are never proposed as told trials and cost no evaluation (a transferred candidate may still be
/// proposed, to be measured on this problem).
/// </summary>
/// <remarks>
/// A round is planned inside <see cref="PlannedSearch.Ask"/> and handed out over the following asks; every random
/// choice (design, fit seed, search) comes from the generator of the ask that plans it, so replaying
/// the asks and tells of a stored experiment rebuilds the strategy exactly. With several workers a
/// round is planned from whatever has been told by then.
/// </remarks>
public sealed class PredictorGuidedSearch : PlannedSearch, IDisposable
{
    private readonly PredictorGuidedOptions _options;
    private readonly PredictorTrainer _trainer;
    private readonly IReadOnlyList<TrialOutcome> _transferred;

    public PredictorGuidedSearch(StrategyContext context, PredictorGuidedOptions options, PredictorCatalog predictors)
        : base(context)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _trainer = new PredictorTrainer(context, options.Predictor, predictors);
        _transferred = TransferTargets.Usable(context);
    }

    /// <summary>Rounds planned with a fitted predictor so far.</summary>
    public int Rounds => _trainer.Fits;

    /// <summary>The predictor (fitted after the first round).</summary>
    public Abstractions.Predictors.IPredictor Predictor => _trainer.Predictor;

    public void Dispose() => _trainer.Dispose();

    protected override IEnumerable<Candidate> PlanBatch(Random rng)
    {
        var training = PredictorTrainer.TrainingTrials(Told, Context);
        if (_transferred.Count == 0 && (Proposed.Count < _options.InitialSamples || training.Count < 2))
        {
            var count = Math.Max(_options.InitialSamples - Proposed.Count, _options.BatchSize);
            return _options.SpaceFillingDesign
                ? InitialDesign.SpaceFilling(Context.Space, count, rng, Admits, Proposed)
                : RandomAdmitted(count, rng);
        }

        // One trial of this problem cannot be standardised on its own: until there are two, only the transferred ones teach.
        var own = training.Count >= 2 || _transferred.Count == 0 ? training : [];
        _trainer.Refit(own, rng.Next(), _transferred);
        return PickBatch(own, rng);
    }

    private List<Candidate> PickBatch(IReadOnlyList<TrialOutcome> own, Random rng)
    {
        // Best first by what the predictor was fitted on (the utilities, or with transferred trials each problem's standardised ones).
        var examples = own.Concat(_transferred).ToList();
        var targets = TransferTargets.Of(own, _transferred, Context);
        var ranked = Enumerable.Range(0, examples.Count).OrderByDescending(i => targets[i]).Select(i => examples[i].Candidate).ToList();
        var search = new PredictorSearch(Context.Space, _trainer.Predictor, Admits, _options.Predictor.Search);
        Context.Status.Report(string.Create(CultureInfo.InvariantCulture, $"searching the predictor for the next {_options.BatchSize} candidates"));
        var archive = search.Run(ranked.Take(_options.Predictor.Search.Parents), rng);
        var local = LocalNeighbourhood(ranked, rng);

        var told = Told.Select(t => t.Candidate.Hash).ToHashSet(StringComparer.Ordinal);
        var chosen = new HashSet<string>(StringComparer.Ordinal);
        bool Open(ScoredCandidate s) => !Proposed.Contains(s.Candidate.Hash) && !told.Contains(s.Candidate.Hash) && !chosen.Contains(s.Candidate.Hash);
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
    private List<ScoredCandidate> LocalNeighbourhood(List<Candidate> ranked, Random rng)
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
                var mutant = Context.Space.Mutate(parent, rng);
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

        var prediction = _trainer.Predictor.Predict(mutants.Select(Context.Space.Encode).ToArray());
        return Enumerable.Range(0, mutants.Count)
            .Select(i => new ScoredCandidate(mutants[i], prediction.Mean[i], prediction.Spread[i]))
            .OrderByDescending(s => s.Mean)
            .ToList();
    }

    private List<Candidate> RandomAdmitted(int count, Random rng)
    {
        var picked = new List<Candidate>();
        var seen = new HashSet<string>(Proposed, StringComparer.Ordinal);
        for (var attempt = 0; attempt < count * 20 && picked.Count < count; attempt++)
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
