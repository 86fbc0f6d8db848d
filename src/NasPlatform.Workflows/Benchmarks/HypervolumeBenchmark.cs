using NasPlatform.Search.Results;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Objectives;
using NasPlatform.Abstractions.Search;
using NasPlatform.Engine.Results;

namespace NasPlatform.Workflows.Benchmarks;

/// <summary>How one strategy did over the runs of a <see cref="HypervolumeBenchmark"/>.</summary>
/// <param name="Strategy">The strategy's name.</param>
/// <param name="Checkpoints">Query counts the hypervolume was measured after, ascending.</param>
/// <param name="PerRun">Hypervolume of each run (first index) after each checkpoint (second index).</param>
public sealed record HypervolumeBenchmarkResult(string Strategy, IReadOnlyList<int> Checkpoints, IReadOnlyList<IReadOnlyList<double>> PerRun)
{
    public int Runs => PerRun.Count;

    /// <summary>Mean hypervolume over runs after checkpoint <paramref name="index"/>.</summary>
    public double Mean(int index) => PerRun.Average(r => r[index]);

    /// <summary>Sample standard deviation (n − 1) over runs after checkpoint <paramref name="index"/>; 0 for one run.</summary>
    public double StandardDeviation(int index)
    {
        if (PerRun.Count < 2)
        {
            return 0;
        }

        var mean = Mean(index);
        return Math.Sqrt(PerRun.Sum(r => (r[index] - mean) * (r[index] - mean)) / (PerRun.Count - 1));
    }
}

/// <summary>
/// Multi-objective strategies compared on a tabular space: the runs of a <see cref="StrategyBenchmark"/>
/// (same seeds, same refusal of duplicates and of candidates breaking a constraint on free
/// statistics), each scored by the hypervolume of the Pareto front of its usable trials after
/// given numbers of queries, against one fixed reference point (in metric units), so runs and
/// strategies compare.
/// </summary>
public static class HypervolumeBenchmark
{
    /// <exception cref="ArgumentException">The reference does not give every objective a value, or the checkpoints are not positive.</exception>
    public static HypervolumeBenchmarkResult Run(
        StrategyBenchmark benchmark,
        ObjectiveSet objectives,
        IReadOnlyDictionary<string, double> reference,
        ISearchStrategyFactory factory,
        JObject options,
        int runs,
        IReadOnlyList<int> checkpoints,
        int baseSeed,
        int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(benchmark);
        ArgumentNullException.ThrowIfNull(objectives);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(checkpoints);
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        if (checkpoints.Count == 0 || checkpoints.Any(c => c < 1))
        {
            throw new ArgumentException("Give at least one checkpoint, each a positive number of queries.", nameof(checkpoints));
        }

        var missing = objectives.Objectives.Where(o => !reference.ContainsKey(o.Metric)).Select(o => o.Metric).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"The reference point needs a value for {string.Join(", ", missing)}: a fixed reference keeps runs comparable.", nameof(reference));
        }

        var sorted = checkpoints.Order().ToArray();
        var referenceUtilities = objectives.Objectives.Select(o => o.Utility(reference[o.Metric])).ToArray();
        var seeds = Enumerable.Range(0, runs).Select(r => StrategyBenchmark.RunSeed(baseSeed, r)).ToArray();
        var perRun = benchmark.RunAll(factory, options, seeds, sorted[^1], maxDegreeOfParallelism)
            .Select(run => (IReadOnlyList<double>)sorted.Select(q => Measure(run.Trials.Take(q), objectives, referenceUtilities)).ToArray())
            .ToArray();

        return new HypervolumeBenchmarkResult(factory.Name, sorted, perRun);
    }

    /// <summary>The hypervolume of the usable trials' front against a reference in utilities.</summary>
    public static double Measure(IEnumerable<TrialOutcome> trials, ObjectiveSet objectives, IReadOnlyList<double> referenceUtilities)
    {
        ArgumentNullException.ThrowIfNull(trials);
        ArgumentNullException.ThrowIfNull(objectives);
        var points = trials.Where(t => t.IsUsable).Select(t => objectives.Utilities(t.Metrics)).Where(u => u.All(double.IsFinite));
        return Hypervolume.Of(points, referenceUtilities);
    }
}
