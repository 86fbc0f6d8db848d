using NasPlatform.Abstractions;
using NasPlatform.Search.Constraints;
using NasPlatform.Search.Strategies;
using NasPlatform.Workflows.Benchmarks;
using Newtonsoft.Json.Linq;
using NasPlatform.Engine.Strategies;
using NasPlatform.Plugins.Tabular.Nb201;
using Xunit.Abstractions;

namespace NasPlatform.Workflows.Tests.Benchmarks;

public sealed class Nb201StrategyBenchmarkTests(Nb201Fixture nb201, ITestOutputHelper output) : IClassFixture<Nb201Fixture>
{
    [Fact]
    public void Random_search_lands_within_0_15_of_the_exact_expected_maximum_of_100_draws()
    {
        // E[max of N uniform draws] = Σ v_(i) [(i/n)^N − ((i−1)/n)^N] over the sorted table values.
        var sorted = nb201.Table.Rows.Select(r => r.TestAccuracy).Order().ToArray();
        double n = sorted.Length, expected = 0;
        for (var i = 1; i <= sorted.Length; i++)
        {
            expected += sorted[i - 1] * (Math.Pow(i / n, Nb201Fixture.Queries) - Math.Pow((i - 1) / n, Nb201Fixture.Queries));
        }

        var random = nb201.Random;
        output.WriteLine($"random: {random.Mean:F4} ± {random.StandardDeviation:F4} over {random.Runs} runs; expected max {expected:F4}");

        Assert.Equal(expected, ExpectedMaximum.OfUniformDraws(sorted, Nb201Fixture.Queries), precision: 9);
        Assert.Equal(Nb201Fixture.Runs, random.Runs);
        Assert.InRange(random.Mean, expected - 0.15, expected + 0.15);
    }

    [Fact]
    public void Regularized_evolution_beats_random_search_at_100_queries()
    {
        var random = nb201.Random;
        var evolution = nb201.Evolution;
        output.WriteLine($"random:    {random.Mean:F4} ± {random.StandardDeviation:F4}");
        output.WriteLine($"evolution: {evolution.Mean:F4} ± {evolution.StandardDeviation:F4}");

        Assert.True(evolution.Mean > random.Mean, $"evolution {evolution.Mean:F4} should beat random {random.Mean:F4}");
    }

    [Fact]
    public void Best_so_far_curves_never_decrease_and_end_at_the_mean_best()
    {
        var curve = nb201.Evolution.MeanBestSoFar;

        Assert.Equal(Nb201Fixture.Queries, curve.Count);
        Assert.All(curve.Zip(curve.Skip(1)), pair => Assert.True(pair.Second >= pair.First));
        Assert.Equal(nb201.Evolution.Mean, curve[^1], precision: 9);
    }

    [Fact]
    public void Results_do_not_depend_on_the_number_of_threads()
    {
        var factory = new RegularizedEvolutionFactory();

        var serial = nb201.Benchmark.Run(factory, new JObject(), runs: 12, queries: 40, baseSeed: 5, maxDegreeOfParallelism: 1);
        var parallel = nb201.Benchmark.Run(factory, new JObject(), runs: 12, queries: 40, baseSeed: 5, maxDegreeOfParallelism: 4);

        Assert.Equal(serial.BestPerRun, parallel.BestPerRun);
        Assert.Equal(serial.MeanBestSoFar, parallel.MeanBestSoFar);
    }

    [Fact]
    public void A_run_spends_exactly_its_budget_on_distinct_candidates()
    {
        var run = nb201.Benchmark.RunOnce(new RegularizedEvolutionFactory(), new JObject(), runSeed: 3, queries: 100);

        Assert.Equal(100, run.Trials.Count);
        Assert.Equal(Enumerable.Range(0, 100), run.Trials.Select(t => t.Number));
        Assert.Equal(100, run.Trials.Select(t => t.Candidate).Distinct().Count());
        Assert.All(run.Trials, t => Assert.True(t.IsUsable));
        Assert.Equal(run.Trials.Max(t => t.Metrics["accuracy"]), run.Best);
    }

    [Fact]
    public void What_evolution_proposes_for_a_seed_is_pinned()
    {
        var run = nb201.Benchmark.RunOnce(new RegularizedEvolutionFactory(), new JObject(), runSeed: 1, queries: 15);

        // The benchmark's architecture indices of the 15 trials: 10 random samples, then 5 mutations.
        Assert.Equal(
            [12881, 10271, 8663, 9999, 8699, 2230, 1715, 15484, 14361, 2592, 5962, 11441, 2037, 11198, 10179],
            run.Trials.Select(t => (int)t.Metrics["index"]));

        // Each of the last five is one edge away from an earlier trial (its parent).
        var cells = run.Trials.Select(t => Nb201Cell.FromCandidate(t.Candidate)).ToArray();
        for (var n = 10; n < cells.Length; n++)
        {
            Assert.Contains(cells.Take(n), earlier => Enumerable.Range(0, Nb201Cell.EdgeCount).Count(e => earlier.OperationIndices[e] != cells[n].OperationIndices[e]) == 1);
        }
    }

    [Fact]
    public void Constraints_on_free_statistics_refuse_candidates_without_spending_queries()
    {
        var constrained = new StrategyBenchmark(nb201.Space, nb201.Evaluator, Nb201Fixture.Maximize, [Parse("params <= 300000")]);

        var run = constrained.RunOnce(new RandomSearchFactory(), new JObject(), runSeed: 2, queries: 50);

        Assert.Equal(50, run.Trials.Count);
        Assert.All(run.Trials, t => Assert.True(t.FreeStatistics["params"] <= 300_000));
        Assert.True(run.Rejections > 0);
    }

    [Fact]
    public void Constraints_on_metrics_make_trials_infeasible_and_keep_them_out_of_the_best()
    {
        var constrained = new StrategyBenchmark(nb201.Space, nb201.Evaluator, Nb201Fixture.Maximize, [Parse("accuracy <= 90")]);

        var run = constrained.RunOnce(new RandomSearchFactory(), new JObject(), runSeed: 2, queries: 50);

        Assert.Contains(run.Trials, t => !t.Feasible);
        Assert.True(run.Best <= 90);
        Assert.Equal(run.Trials.Where(t => t.Feasible).Max(t => t.Metrics["accuracy"]), run.Best);
    }

    [Fact]
    public void An_objective_the_evaluator_does_not_return_is_a_configuration_error()
    {
        var objectives = new NasPlatform.Abstractions.Objectives.ObjectiveSet([new("top5", NasPlatform.Abstractions.Objectives.Direction.Maximize)]);
        var benchmark = new StrategyBenchmark(nb201.Space, nb201.Evaluator, objectives);

        var error = Assert.Throws<NasConfigurationException>(() => benchmark.Run(new RandomSearchFactory(), new JObject(), runs: 2, queries: 3, baseSeed: 0));

        // The runner's own verdict: the benchmark runs through it.
        Assert.Contains("objective 'maximize top5' needs the metric 'top5', but evaluator 'evaluator' returned 'accuracy', 'index'", error.Message);
    }

    [Fact]
    public void An_unknown_fidelity_is_a_configuration_error()
    {
        var error = Assert.Throws<NasConfigurationException>(() =>
            new StrategyBenchmark(nb201.Space, nb201.Evaluator, Nb201Fixture.Maximize, fidelity: "12-epochs"));

        Assert.Contains("Unknown fidelity '12-epochs'; the evaluator offers: 200-epochs", error.Message);
    }

    private static Constraint Parse(string text) =>
        Constraint.TryParse(text, out var constraint) ? constraint! : throw new ArgumentException(text);
}
