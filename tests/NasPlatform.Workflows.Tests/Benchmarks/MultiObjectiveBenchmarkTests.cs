using NasPlatform.Search.Results;
using NasPlatform.Search.Strategies;
using NasPlatform.Workflows.Benchmarks;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Objectives;
using NasPlatform.Engine.Results;
using NasPlatform.Engine.Strategies;
using NasPlatform.Plugins.Tabular.Nb201;
using Xunit.Abstractions;

namespace NasPlatform.Workflows.Tests.Benchmarks;

/// <summary>NSGA-II against random search on NAS-Bench-201, accuracy against params (docs/benchmarks.md).</summary>
public sealed class MultiObjectiveBenchmarkTests(Nb201Fixture nb201, ITestOutputHelper output) : IClassFixture<Nb201Fixture>
{
    public static readonly ObjectiveSet AccuracyAndParams = new([new Objective("accuracy", Direction.Maximize), new Objective("params", Direction.Minimize)]);

    /// <summary>The reference point of the documented numbers: no accuracy, and 2 M parameters (every NAS-Bench-201 cell has fewer).</summary>
    public static readonly IReadOnlyDictionary<string, double> Reference = new Dictionary<string, double> { ["accuracy"] = 0, ["params"] = 2e6 };

    private StrategyBenchmark Benchmark => new(nb201.Space, nb201.Evaluator, AccuracyAndParams);

    [Fact]
    public void Nsga2_reaches_a_larger_hypervolume_than_random_search_in_100_queries()
    {
        var random = HypervolumeBenchmark.Run(Benchmark, AccuracyAndParams, Reference, new RandomSearchFactory(), new JObject(), runs: 20, [100], baseSeed: 0);
        var nsga = HypervolumeBenchmark.Run(Benchmark, AccuracyAndParams, Reference, new Nsga2Factory(), new JObject { ["populationSize"] = 10 }, runs: 20, [100], baseSeed: 0);
        var optimum = OptimalHypervolume();
        output.WriteLine($"random {random.Mean(0) / optimum:P2}, nsga2 {nsga.Mean(0) / optimum:P2} of the table's optimum {optimum:E4}");

        Assert.True(nsga.Mean(0) > random.Mean(0));
        Assert.All(nsga.PerRun.Concat(random.PerRun), r => Assert.InRange(r[0], 0, optimum));
    }

    [Fact]
    public void The_hypervolume_of_a_run_is_that_of_its_front_and_never_falls()
    {
        var result = HypervolumeBenchmark.Run(Benchmark, AccuracyAndParams, Reference, new Nsga2Factory(), new JObject(), runs: 3, [10, 50, 100], baseSeed: 4);
        var run = Benchmark.RunOnce(new Nsga2Factory(), new JObject(), StrategyBenchmark.RunSeed(4, 1), queries: 100);
        var front = ParetoFrontOf(run.Trials.Select(t => AccuracyAndParams.Utilities(t.Metrics)).ToList());

        Assert.Equal(Hypervolume.Of(front, [0, -2e6]), result.PerRun[1][2], 6);
        Assert.All(result.PerRun, r => Assert.True(r[0] <= r[1] && r[1] <= r[2]));
        Assert.Throws<ArgumentException>(() => HypervolumeBenchmark.Run(Benchmark, AccuracyAndParams, new Dictionary<string, double> { ["accuracy"] = 0 }, new Nsga2Factory(), new JObject(), 1, [5], 0));
    }

    [Fact]
    [Trait("Category", "Long")]
    public void Long_nsga2_against_random_after_100_and_200_queries()
    {
        const int runs = 200;
        int[] checkpoints = [50, 100, 200];
        var references = new[] { Reference, Tight };
        var won = new List<bool>();
        foreach (var reference in references)
        {
            var optimum = OptimalHypervolume(reference);
            output.WriteLine($"reference accuracy = {reference["accuracy"]}, params = {reference["params"]:E1}; optimum (front of all 15,625 cells) = {optimum:E6}; {runs} runs, base seed 0; % of the optimum after {string.Join(", ", checkpoints)} queries");
            var results = new List<(string Label, HypervolumeBenchmarkResult Result)>
            {
                ("random", HypervolumeBenchmark.Run(Benchmark, AccuracyAndParams, reference, new RandomSearchFactory(), new JObject(), runs, checkpoints, 0)),
                ("nsga2 (N = 10)", HypervolumeBenchmark.Run(Benchmark, AccuracyAndParams, reference, new Nsga2Factory(), new JObject { ["populationSize"] = 10 }, runs, checkpoints, 0)),
                ("nsga2 (N = 20)", HypervolumeBenchmark.Run(Benchmark, AccuracyAndParams, reference, new Nsga2Factory(), new JObject { ["populationSize"] = 20 }, runs, checkpoints, 0)),
            };
            foreach (var (label, result) in results)
            {
                output.WriteLine($"| {label} | " + string.Join(" | ", checkpoints.Select((q, i) =>
                    $"{result.Mean(i) / optimum * 100:F3} ± {result.StandardDeviation(i) / optimum * 100:F3}")) + " |");
            }

            // At 100 and 200 queries (at 50, N = 10 has had only four generations).
            won.Add(results[1].Result.Mean(1) > results[0].Result.Mean(1) && results[1].Result.Mean(2) > results[0].Result.Mean(2));
        }

        Assert.All(won, Assert.True);
    }

    /// <summary>A reference near the accurate end of the front (85 % accuracy, 1.6 M parameters), where the strategies differ most.</summary>
    public static readonly IReadOnlyDictionary<string, double> Tight = new Dictionary<string, double> { ["accuracy"] = 85, ["params"] = 1.6e6 };

    /// <summary>The hypervolume of the Pareto front of the whole table: the most any search can reach.</summary>
    private double OptimalHypervolume(IReadOnlyDictionary<string, double>? reference = null)
    {
        reference ??= Reference;
        var points = nb201.Table.Rows.Select(r => AccuracyAndParams.Utilities(new Dictionary<string, double>
        {
            ["accuracy"] = r.TestAccuracy,
            ["params"] = Nb201Network.Parameters(r.Cell),
        }));
        return Hypervolume.Of(points, [reference["accuracy"], -reference["params"]]);
    }

    private static List<double[]> ParetoFrontOf(List<double[]> points) =>
        points.Where(p => !points.Any(q => NonDominatedSorting.Dominates(q, p))).ToList();
}
