using NasPlatform.Workflows.Tests.Benchmarks;
using NasPlatform.Search.Torch;
using NasPlatform.Search.Predictors;
using NasPlatform.Search.Strategies;
using NasPlatform.Workflows.Families;
using NasPlatform.Workflows.Predictors;
using System.Globalization;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Search;
using NasPlatform.Engine.Strategies;
using Xunit.Abstractions;

namespace NasPlatform.Workflows.Tests.Predictors;

/// <summary>
/// The predictor benchmarks of docs/benchmarks.md on the NAS-Bench-201 table. Long: they run only
/// with NASPLATFORM_LONG_TESTS=1, and print the tables the document reports.
/// </summary>
public sealed class Nb201PredictorBenchmarkTests : IClassFixture<Nb201Fixture>
{
    private readonly Nb201Fixture _nb201;
    private readonly ITestOutputHelper _output;

    public Nb201PredictorBenchmarkTests(Nb201Fixture nb201, ITestOutputHelper output)
    {
        _nb201 = nb201;
        _output = output;
        // As `nas bench strategies` does: runs go in parallel, one per core, each predictor on one thread.
        // (Only long tests live here, so this runs only when they do.)
        NasPlatform.Torch.TorchThreads.UseHostDefault();
    }

    private static readonly int[] TrainingSizes = [25, 50, 100, 200];

    [LongFact]
    public void Pretraining_on_free_statistics_raises_held_out_Kendall_tau_at_the_smallest_training_sizes()
    {
        const int repeats = 20;
        const int heldOut = 1000;
        var table = _nb201.Table.Rows.Select(r => (r.Cell.ToCandidate(), r.TestAccuracy)).ToArray();
        var variants = new (string Name, PredictorSettings Settings)[]
        {
            ("mlp-ensemble, pretrained", new PredictorSettings()),
            ("mlp-ensemble, not pretrained", new PredictorSettings { Pretrain = false }),
            ("gp", new PredictorSettings { Predictor = GaussianProcessPredictor.PredictorName }),
        };

        var results = variants.AsParallel().AsOrdered()
            .Select(v => (v.Name, Quality: PredictorQualityBenchmark.Run(_nb201.Space, table, TrainingSizes, heldOut, repeats, v.Settings, SearchComponents.Predictors, seed: 0)))
            .ToList();

        _output.WriteLine($"Kendall tau on {heldOut} held-out cells, mean ± std over {repeats} repeats");
        _output.WriteLine("| predictor | " + string.Join(" | ", TrainingSizes.Select(n => $"n = {n}")) + " |");
        foreach (var (name, quality) in results)
        {
            _output.WriteLine($"| {name} | " + string.Join(" | ", quality.Select(q => string.Create(CultureInfo.InvariantCulture, $"{q.MeanTau:F3} ± {q.TauStandardDeviation:F3}"))) + " |");
        }

        var pretrained = results[0].Quality;
        var plain = results[1].Quality;
        Assert.True(pretrained[0].MeanTau > plain[0].MeanTau, $"n = 25: pretrained {pretrained[0].MeanTau:F3}, not pretrained {plain[0].MeanTau:F3}");
        Assert.True(pretrained[1].MeanTau > plain[1].MeanTau, $"n = 50: pretrained {pretrained[1].MeanTau:F3}, not pretrained {plain[1].MeanTau:F3}");
    }

    [LongFact]
    public void Predictor_guided_search_beats_regularized_evolution_at_50_100_and_200_queries()
    {
        const int runs = 50;
        const int queries = 200;
        var strategies = new (string Name, ISearchStrategyFactory Factory, JObject Options)[]
        {
            ("random", new RandomSearchFactory(), new JObject()),
            ("regularized-evolution", new RegularizedEvolutionFactory(), new JObject()),
            ("predictor-guided", new PredictorGuidedSearchFactory(SearchComponents.Predictors), new JObject()),
            ("predictor-guided, no pretraining", new PredictorGuidedSearchFactory(SearchComponents.Predictors), new JObject { ["pretrain"] = false }),
        };

        var results = strategies.Select(s =>
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var result = _nb201.Benchmark.Run(s.Factory, s.Options, runs, queries, baseSeed: 0);
            return (s.Name, Result: result, Seconds: clock.Elapsed.TotalSeconds);
        }).ToList();

        int[] budgets = [50, 100, 200];
        _output.WriteLine($"Best test accuracy, mean ± std over {runs} runs (seed 0)");
        _output.WriteLine("| strategy | " + string.Join(" | ", budgets.Select(b => $"{b} queries")) + " | s |");
        foreach (var (name, result, seconds) in results)
        {
            _output.WriteLine($"| {name} | " + string.Join(" | ", budgets.Select(b => Cell(result.BestAfter(b)))) + string.Create(CultureInfo.InvariantCulture, $" | {seconds:F0} |"));
        }

        var evolution = results[1].Result;
        var guided = results[2].Result;
        foreach (var budget in budgets)
        {
            Assert.True(guided.BestAfter(budget).Average() > evolution.BestAfter(budget).Average(), $"{budget} queries");
        }

        Assert.True(guided.BestAfter(100).Average() >= 94.15);
        Assert.True(guided.BestAfter(200).Average() >= 94.25);
    }

    [LongFact]
    public void An_mlp_predictor_scores_at_least_100000_candidates_per_second()
    {
        var rng = new Random(1);
        var rows = _nb201.Table.Rows.OrderBy(_ => rng.Next()).Take(100).ToArray();
        var context = new StrategyContext(_nb201.Space, Nb201Fixture.Maximize, _nb201.Evaluator.Fidelities, _nb201.Evaluator.Fidelities[^1], Seed: 1);
        using var trainer = new PredictorTrainer(context, new PredictorSettings(), SearchComponents.Predictors);
        trainer.Refit(rows.Select((r, i) => new TrialOutcome(i, r.Cell.ToCandidate(), context.DefaultFidelity.Name, TrialState.Completed, new Dictionary<string, double> { ["accuracy"] = r.TestAccuracy }, new Dictionary<string, double>(), true)).ToList(), seed: 2);

        var throughput = Enumerable.Range(0, 3).Max(_ => FamilySearch.ScoringThroughput(trainer, context, FamilySearch.ThroughputRows));

        _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mlp-ensemble (5 members, 2 x 64 hidden): {throughput:N0} candidates/s on {Environment.ProcessorCount} cores"));
        Assert.True(throughput >= 100_000, $"{throughput:N0} candidates/s");
    }

    private static string Cell(double[] values)
    {
        var mean = values.Average();
        var std = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
        return string.Create(CultureInfo.InvariantCulture, $"{mean:F4} ± {std:F4}");
    }
}
