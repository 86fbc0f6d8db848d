using NasPlatform.Testing.Domains;
using NasPlatform.Search.Strategies;
using NasPlatform.Workflows.Benchmarks;
using Newtonsoft.Json.Linq;
using NasPlatform.Engine.Strategies;

namespace NasPlatform.Workflows.Tests.Benchmarks;

public sealed class StrategyBenchmarkTests
{
    [Fact]
    public void Gives_up_with_a_clear_error_when_the_space_is_exhausted()
    {
        var benchmark = new StrategyBenchmark(new LineSpace(3), new ScoreEvaluator(), Outcomes.MaximizeScore);

        var error = Assert.Throws<StrategyBenchmarkException>(() => benchmark.Run(new RandomSearchFactory(), new JObject(), runs: 2, queries: 5, baseSeed: 0));

        Assert.Contains("Strategy 'random'", error.Message);
        Assert.Contains("query 4", error.Message);
        Assert.Contains("10000 proposals in a row were refused: 10000 were already evaluated in this run", error.Message);
    }

    [Fact]
    public void A_budget_equal_to_the_space_evaluates_every_candidate_once()
    {
        var benchmark = new StrategyBenchmark(new LineSpace(5), new ScoreEvaluator(), Outcomes.MaximizeScore);

        var run = benchmark.RunOnce(new RandomSearchFactory(), new JObject(), runSeed: 1, queries: 5);

        Assert.Equal([0, 1, 2, 3, 4], run.Trials.Select(t => LineSpace.X(t.Candidate)).Order());
        Assert.Equal(4, run.Best);
        Assert.True(run.Rejections > 0);
    }

    [Fact]
    public void Failed_evaluations_spend_queries_and_are_reported()
    {
        var benchmark = new StrategyBenchmark(new LineSpace(5), new ScoreEvaluator(failOn: [4, 3]), Outcomes.MaximizeScore);

        var result = benchmark.Run(new RandomSearchFactory(), new JObject(), runs: 3, queries: 5, baseSeed: 0);

        Assert.Equal([2.0, 2.0, 2.0], result.BestPerRun);
        Assert.Equal(6, result.UnusableTrials);
        Assert.Contains("does not train", result.FirstError);
    }

    [Fact]
    public void Run_seeds_derive_from_the_base_seed()
    {
        var benchmark = new StrategyBenchmark(new LineSpace(1000), new ScoreEvaluator(), Outcomes.MaximizeScore);

        var result = benchmark.Run(new RandomSearchFactory(), new JObject(), runs: 3, queries: 4, baseSeed: 9);

        for (var r = 0; r < 3; r++)
        {
            var alone = benchmark.RunOnce(new RandomSearchFactory(), new JObject(), StrategyBenchmark.RunSeed(9, r), queries: 4);
            Assert.Equal(alone.Best, result.BestPerRun[r]);
        }
    }

    [Fact]
    public void Mean_and_sample_standard_deviation()
    {
        var result = new StrategyBenchmarkResult("s", 1, 0, [1, 2, 3, 4], [], 0, 0, null);

        Assert.Equal(2.5, result.Mean);
        Assert.Equal(Math.Sqrt(5.0 / 3.0), result.StandardDeviation, precision: 12);
        Assert.Equal(Math.Sqrt(5.0 / 3.0) / 2, result.StandardError, precision: 12);
    }
}
