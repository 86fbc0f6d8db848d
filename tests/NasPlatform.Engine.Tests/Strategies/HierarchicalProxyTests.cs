using NasPlatform.Engine.Tests.Running.TestDomain;
using NasPlatform.Abstractions;
using NasPlatform.Search.Strategies;
using NasPlatform.Workflows.Benchmarks;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Objectives;
using NasPlatform.Abstractions.Search;
using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Strategies;
using NasPlatform.Testing.Domains;

namespace NasPlatform.Engine.Tests.Strategies;

public sealed class HierarchicalProxyTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_bracket_evaluates_nine_cheaply_then_the_best_three_then_the_best_one_at_full_fidelity()
    {
        var evaluator = new NoisyProxyEvaluator();
        var spec = Spec(trials: 22);

        var (summary, trials) = await StrategyRuns.RunToEnd(spec, evaluator, new HierarchicalProxyFactory());

        Assert.All(trials.Take(9), t => Assert.Equal("epoch-1", t.Fidelity));
        var byProxy = trials.Take(9).OrderByDescending(t => t.Metrics["score"]).ThenBy(t => t.Number).Select(t => t.Hash).ToList();
        Assert.Equal(byProxy.Take(3), trials.Skip(9).Take(3).Select(t => t.Hash));
        Assert.All(trials.Skip(9).Take(3), t => Assert.Equal("epoch-3", t.Fidelity));
        var bestAtEpoch3 = trials.Skip(9).Take(3).OrderByDescending(t => t.Metrics["score"]).ThenBy(t => t.Number).First();
        Assert.Equal("full", trials[12].Fidelity);
        Assert.Equal(bestAtEpoch3.Hash, trials[12].Hash);
        Assert.All(trials.Skip(13), t => Assert.Equal("epoch-1", t.Fidelity));

        // The best so far is the one full-fidelity result, though cheap results may score higher.
        Assert.Equal("full", summary.BestFidelity);
        Assert.Equal(12, summary.Best.Single().Number);
        Assert.Equal(9 * (1.0 / 9) + 3 * (1.0 / 3) + 1 + 9 * (1.0 / 9), summary.CostSpent, 9);
    }

    [Fact]
    public async Task A_bracket_costs_a_third_of_evaluating_its_candidates_at_full_fidelity_and_a_cost_budget_ends_exact()
    {
        // One bracket: 9 candidates at 1/9, 3 at 1/3, 1 at 1: cost 3, where evaluating the 9 at full fidelity costs 9.
        var evaluator = new NoisyProxyEvaluator();
        var spec = Spec(trials: null) with { Budget = new BudgetSpec(null, null, Cost: 6) };

        var (summary, trials) = await StrategyRuns.RunToEnd(spec, evaluator, new HierarchicalProxyFactory());

        Assert.Equal(26, trials.Count);
        Assert.Equal(6, summary.CostSpent, 9);
        Assert.Equal(2, trials.Count(t => t.Fidelity == "full"));
        Assert.Equal(18, trials.Select(t => t.Hash).Distinct().Count());
    }

    [Fact]
    public void For_the_same_cost_it_finds_better_candidates_than_evaluating_at_full_fidelity()
    {
        // Cost 30: random search at full fidelity evaluates 30 candidates; the hierarchical proxy
        // screens 90 cheaply (10 brackets of 13 trials) and evaluates the 10 it likes best at full.
        var evaluator = new NoisyProxyEvaluator();
        var objectives = new ObjectiveSet([new Objective("score", Direction.Maximize)]);
        var benchmark = new StrategyBenchmark(new BitStringSpace(12), evaluator, objectives);
        double BestTruth(BenchmarkRun run) => run.Trials.Where(t => t.Fidelity == "full").Max(t => t.Metrics["score"]);

        var random = Enumerable.Range(0, 40).Select(r => BestTruth(benchmark.RunOnce(new RandomSearchFactory(), new JObject(), r, queries: 30))).ToList();
        var proxy = Enumerable.Range(0, 40).Select(r => benchmark.RunOnce(new HierarchicalProxyFactory(), new JObject(), r, queries: 130)).ToList();

        Assert.All(proxy, run => Assert.Equal(30, run.Trials.Sum(t => evaluator.Fidelities.Single(f => f.Name == t.Fidelity).Cost), 9));
        Assert.True(proxy.Average(BestTruth) > random.Average() + 1, $"hierarchical {proxy.Average(BestTruth):F2} vs random {random.Average():F2}");
    }

    [Fact]
    public void Only_usable_trials_are_promoted_best_first_and_a_short_rung_promotes_fewer()
    {
        var proxy = new HierarchicalProxy(["quick", "full"], eta: 2, rungSize: 4, new RandomSearch(new LineSpace(100)), Outcomes.MaximizeScore);
        var rng = new Random(0);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal("quick", proxy.Ask(rng).Fidelity);
        }

        proxy.Tell(Quick(0, x: 10, score: 5));
        proxy.Tell(Outcomes.Failed(1, LineSpace.At(11)) with { Fidelity = "quick" });
        proxy.Tell(Quick(2, x: 12, score: 9, feasible: false));
        Assert.Equal("quick", proxy.Ask(rng).Fidelity); // the rung is not complete: no promotion yet
        proxy.Tell(Quick(3, x: 13, score: 7));

        var first = proxy.Ask(rng);
        var second = proxy.Ask(rng);
        Assert.Equal((13, "full"), (LineSpace.X(first.Candidate), first.Fidelity));
        Assert.Equal((10, "full"), (LineSpace.X(second.Candidate), second.Fidelity));
        Assert.Equal("quick", proxy.Ask(rng).Fidelity);
    }

    [Fact]
    public void Promotions_to_the_highest_rung_go_first()
    {
        var proxy = new HierarchicalProxy(["a", "b", "c"], eta: 2, rungSize: 2, new RandomSearch(new LineSpace(100)), Outcomes.MaximizeScore);
        proxy.Tell(Outcome(0, 1, 1, "a"));
        proxy.Tell(Outcome(1, 2, 2, "a")); // bracket 0: promotes x = 2 to b
        proxy.Tell(Outcome(2, 3, 3, "a"));
        proxy.Tell(Outcome(3, 4, 4, "a")); // bracket 1: promotes x = 4 to b
        proxy.Tell(Outcome(4, 2, 2, "b")); // bracket 0 at b complete: promotes x = 2 to c

        var rng = new Random(1);
        var order = Enumerable.Range(0, 3).Select(_ => proxy.Ask(rng)).Select(p => (LineSpace.X(p.Candidate), p.Fidelity)).ToList();

        Assert.Equal((2, "c"), order[0]);
        Assert.Equal((2, "b"), order[1]);
        Assert.Equal((4, "b"), order[2]);
        Assert.Equal(2, proxy.Brackets);
    }

    [Theory]
    [InlineData("{}", new[] { "epoch-1", "epoch-3", "full" }, 9)]
    [InlineData("{\"eta\": 2}", new[] { "epoch-1", "epoch-3", "full" }, 4)]
    [InlineData("{\"minFidelity\": \"epoch-3\"}", new[] { "epoch-3", "full" }, 3)]
    [InlineData("{\"fidelities\": [\"epoch-1\", \"full\"], \"rungSize\": 5}", new[] { "epoch-1", "full" }, 5)]
    public void The_factory_builds_the_ladder_from_the_options(string options, string[] rungs, int rungSize)
    {
        var proxy = Assert.IsType<HierarchicalProxy>(TestStrategies.Catalog.Create("hierarchical-proxy", JObject.Parse(options), Context()));

        Assert.Equal(rungs, proxy.Rungs);
        Assert.Equal(rungSize, proxy.RungSize);
    }

    [Fact]
    public void The_ladder_ends_at_the_experiment_fidelity()
    {
        var fidelities = new NoisyProxyEvaluator().Fidelities;
        var context = Context() with { DefaultFidelity = fidelities[1] };

        var proxy = Assert.IsType<HierarchicalProxy>(new HierarchicalProxyFactory().Create(new HierarchicalProxyOptions(), context));

        Assert.Equal(["epoch-1", "epoch-3"], proxy.Rungs);
        Assert.Equal(3, proxy.RungSize);
    }

    [Theory]
    [InlineData("{\"fidelities\": [\"epoch-1\", \"huge\"]}", "'huge'")]
    [InlineData("{\"fidelities\": [\"full\", \"epoch-1\"]}", "cheap to expensive")]
    [InlineData("{\"minFidelity\": \"tiny\"}", "'tiny'")]
    [InlineData("{\"eta\": 1.5}", "eta")]
    [InlineData("{\"sampler\": {\"name\": \"regularized-evolution\", \"populationSize\": 3, \"sampleSize\": 5}}", "sampleSize")]
    public void Bad_options_are_named_in_the_error(string options, string expected)
    {
        var error = Assert.Throws<NasConfigurationException>(() => TestStrategies.Catalog.Create("hierarchical-proxy", JObject.Parse(options), Context()));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void The_minimum_fidelity_may_not_lie_above_the_experiment_fidelity()
    {
        var fidelities = new NoisyProxyEvaluator().Fidelities;
        var context = Context() with { DefaultFidelity = fidelities[0] };

        var error = Assert.Throws<NasConfigurationException>(() => new HierarchicalProxyFactory().Create(new HierarchicalProxyOptions { MinFidelity = "full" }, context));

        Assert.Contains("above the experiment's fidelity 'epoch-1'", error.Message);
    }

    private static StrategyContext Context()
    {
        var fidelities = new NoisyProxyEvaluator().Fidelities;
        return new StrategyContext(new BitStringSpace(12), Outcomes.MaximizeScore, fidelities, fidelities[^1], 1);
    }

    private static TrialOutcome Quick(int number, int x, double score, bool feasible = true) =>
        Outcomes.Completed(number, x, score, feasible) with { Fidelity = "quick" };

    private static TrialOutcome Outcome(int number, int x, double score, string fidelity) =>
        Outcomes.Completed(number, x, score) with { Fidelity = fidelity };

    private ExperimentSpec Spec(int? trials, JObject? options = null) =>
        TestExperiments.Spec(_dir.File("proxy.db"), trials: trials, strategy: "hierarchical-proxy", strategyOptions: options);
}
