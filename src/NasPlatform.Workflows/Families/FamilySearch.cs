using NasPlatform.Abstractions;
using NasPlatform.Search.Predictors;
using NasPlatform.Search;
using NasPlatform.Search.Constraints;
using System.Diagnostics;
using NasPlatform.Abstractions.Predictors;
using NasPlatform.Abstractions.Search;
using NasPlatform.Engine.Running;

namespace NasPlatform.Workflows.Families;

/// <summary>
/// Predictor-based family search, NARS stage 2: fit a predictor once on a finished experiment's
/// trials, then, for each of several constraint sets, search the space on the predictor alone
/// (no evaluation) for the best candidates whose free statistics meet the set.
/// </summary>
public static class FamilySearch
{
    /// <summary>A wider search than a strategy's rounds: it runs once and costs seconds.</summary>
    public static PredictorSearchOptions DefaultSearch { get; } = new()
    {
        RandomSamples = 10_000,
        Generations = 20,
        Parents = 100,
        MutationsPerParent = 4,
    };

    /// <summary>Rows scored when measuring the predictor's throughput.</summary>
    public const int ThroughputRows = 100_000;

    /// <summary>Runs the family search.</summary>
    /// <param name="context">The experiment's space, objectives, default fidelity and seed (options and journal are not used).</param>
    /// <param name="trials">The experiment's finished trials; the usable ones at the default fidelity train the predictor.</param>
    /// <param name="settings">Which predictor, and how it is trained.</param>
    /// <param name="predictors">The predictors the host offers.</param>
    /// <param name="constraintSets">One family per set.</param>
    /// <param name="top">Members per family.</param>
    /// <param name="folds">Folds of the cross-validated quality check; 0 to skip it.</param>
    /// <param name="search">The search on the predictor; null for <see cref="DefaultSearch"/>.</param>
    /// <param name="throughputRows">Rows scored to measure the predictor's throughput.</param>
    /// <exception cref="NasConfigurationException">Too few usable trials to fit a predictor.</exception>
    public static FamilySearchResult Run(
        StrategyContext context,
        IReadOnlyList<TrialOutcome> trials,
        PredictorSettings settings,
        PredictorCatalog predictors,
        IReadOnlyList<IReadOnlyList<Constraint>> constraintSets,
        int top,
        int folds,
        PredictorSearchOptions? search = null,
        int throughputRows = ThroughputRows)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(trials);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(constraintSets);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        var training = PredictorTrainer.TrainingTrials(trials, context);
        var minimum = Math.Max(3, folds);
        if (training.Count < minimum)
        {
            throw new NasConfigurationException(
                $"The experiment has {training.Count} usable trials at fidelity '{context.DefaultFidelity.Name}' with metric '{context.Objectives.Primary.Metric}'; " +
                $"a family search needs at least {minimum}. Run the experiment further (`nas resume`), or lower --folds.");
        }

        var space = context.Space;
        var objective = context.Objectives.Primary;
        using var trainer = new PredictorTrainer(context, settings, predictors);
        double tau = double.NaN, rho = double.NaN;
        if (folds >= 2)
        {
            // The first refit pretrains; the folds then start from the same pretrained trunk.
            trainer.Refit(training, SeedSequence.Derive(context.Seed, 1));
            (tau, rho) = CrossValidation.Run(
                trainer.Predictor,
                training.Select(t => space.Encode(t.Candidate)).ToArray(),
                training.Select(t => PredictorTrainer.Utility(t, context)).ToArray(),
                folds,
                SeedSequence.Derive(context.Seed, 2));
        }

        trainer.Refit(training, SeedSequence.Derive(context.Seed, 1));
        var predictor = trainer.Predictor;
        var measured = training.GroupBy(t => t.Candidate.Hash).ToDictionary(g => g.Key, g => g.First().Metrics[objective.Metric], StringComparer.Ordinal);
        var families = new List<Family>();
        for (var s = 0; s < constraintSets.Count; s++)
        {
            families.Add(SearchFamily(context, predictor, training, measured, constraintSets[s], s, top, search ?? DefaultSearch));
        }

        var scored = families.Sum(f => f.Scored);
        var searchSeconds = families.Sum(f => f.Seconds);
        return new FamilySearchResult(
            predictor.Name + (settings.PretrainsMlp ? " (pretrained)" : string.Empty),
            training.Count,
            folds >= 2 ? folds : 0,
            tau,
            rho,
            ScoringThroughput(trainer, context, throughputRows),
            searchSeconds > 0 ? scored / searchSeconds : double.NaN,
            families);
    }

    /// <summary>
    /// One family: the best <paramref name="top"/> candidates the search on <paramref name="predictor"/> finds among those
    /// meeting <paramref name="set"/>, started from the best measured trials that meet it; seeded by the set's index.
    /// </summary>
    private static Family SearchFamily(
        StrategyContext context,
        IPredictor predictor,
        IReadOnlyList<TrialOutcome> training,
        Dictionary<string, double> measured,
        IReadOnlyList<Constraint> set,
        int index,
        int top,
        PredictorSearchOptions search)
    {
        var space = context.Space;
        bool Meets(IReadOnlyDictionary<string, double> statistics) =>
            set.All(c => !statistics.TryGetValue(c.Quantity, out var v) || c.IsSatisfiedBy(v));

        var searchClock = Stopwatch.StartNew();
        var runner = new PredictorSearch(space, predictor, c => Meets(space.FreeStatistics(c)), search);
        var seeds = training.Where(t => Meets(t.FreeStatistics))
            .OrderByDescending(t => PredictorTrainer.Utility(t, context))
            .Take(search.Parents)
            .Select(t => t.Candidate);
        var found = runner.Run(seeds, new Random(SeedSequence.Derive(context.Seed, 100 + index)));
        var seconds = searchClock.Elapsed.TotalSeconds;
        var maximize = context.Objectives.Primary.Direction == Abstractions.Objectives.Direction.Maximize;
        var members = found.Take(top).Select(f => new FamilyMember(
            f.Candidate,
            maximize ? f.Mean : -f.Mean,
            f.Spread,
            measured.TryGetValue(f.Candidate.Hash, out var value) ? value : null,
            space.FreeStatistics(f.Candidate))).ToList();
        return new Family(set, members, runner.Scored, seconds);
    }

    /// <summary>Candidates per second the fitted predictor scores: <paramref name="rows"/> encodings of random samples, predicted in one call after a warm-up.</summary>
    public static double ScoringThroughput(PredictorTrainer trainer, StrategyContext context, int rows)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        ArgumentNullException.ThrowIfNull(context);
        var rng = new Random(SeedSequence.Derive(context.Seed, 3));
        var distinct = Enumerable.Range(0, Math.Min(rows, 2000)).Select(_ => context.Space.Encode(context.Space.Sample(rng))).ToArray();
        var encodings = Enumerable.Range(0, rows).Select(i => distinct[i % distinct.Length]).ToArray();
        trainer.Predictor.Predict(distinct);
        var clock = Stopwatch.StartNew();
        trainer.Predictor.Predict(encodings);
        return rows / clock.Elapsed.TotalSeconds;
    }
}
