using NasPlatform.Testing.Domains;
using NasPlatform.Search.Strategies;
using NasPlatform.Workflows.Benchmarks;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Objectives;
using NasPlatform.Abstractions.Search;
using NasPlatform.Engine.Strategies;
using Xunit.Abstractions;

namespace NasPlatform.Workflows.Tests.Fidelities;

/// <summary>
/// Cost to reach a target on the noisy multi-fidelity test domain (16-bit strings, fidelities at
/// cost 1/9, 1/3 and 1): the hierarchical proxy against searching at full fidelity (docs/benchmarks.md).
/// </summary>
public sealed class HierarchicalProxyBenchmarkTests(ITestOutputHelper output)
{
    private const int Bits = 16;

    [Fact]
    [Trait("Category", "Long")]
    public void Long_cost_to_reach_the_top_one_percent()
    {
        const int runs = 200;
        const double costCap = 400;
        var truths = Enumerable.Range(0, 1 << Bits).Select(i => NoisyProxyEvaluator.Truth(Convert.ToString(i, 2).PadLeft(Bits, '0'))).OrderDescending().ToArray();
        var target = truths[(int)(truths.Length * 0.01) - 1];
        var share = truths.Count(t => t >= target) / (double)truths.Length;
        output.WriteLine($"target: true score >= {target} ({share:P2} of the {truths.Length} strings); {runs} runs, cost cap {costCap}");

        var evaluator = new NoisyProxyEvaluator();
        var benchmark = new StrategyBenchmark(new BitStringSpace(Bits), evaluator, new ObjectiveSet([new Objective("score", Direction.Maximize)]));
        var cases = new (string Label, ISearchStrategyFactory Factory, JObject Options, int Queries)[]
        {
            ("random search at full fidelity", new RandomSearchFactory(), new JObject(), (int)costCap),
            ("regularized evolution at full fidelity", new RegularizedEvolutionFactory(), new JObject(), (int)costCap),
            ("hierarchical-proxy, random sampler", new HierarchicalProxyFactory(), new JObject(), (int)(costCap / 3 * 13)),
            ("hierarchical-proxy, evolution sampler", new HierarchicalProxyFactory(), JObject.Parse("""{ "sampler": { "name": "regularized-evolution" } }"""), (int)(costCap / 3 * 13)),
        };
        var means = new List<double>();
        foreach (var (label, factory, options, queries) in cases)
        {
            var costs = Enumerable.Range(0, runs).AsParallel().AsOrdered()
                .Select(r => CostToReach(benchmark.RunOnce(factory, options, StrategyBenchmark.RunSeed(0, r), queries).Trials, evaluator, target, costCap))
                .ToList();
            var reached = costs.Count(c => c <= costCap);
            var mean = costs.Average();
            var std = Math.Sqrt(costs.Sum(c => (c - mean) * (c - mean)) / (costs.Count - 1));
            var median = costs.Order().ElementAt(costs.Count / 2);
            output.WriteLine($"| {label} | {mean:F1} ± {std:F1} | {median:F1} | {reached}/{runs} |");
            means.Add(mean);
        }

        Assert.True(means[2] < means[0], "the hierarchical proxy should reach the target for less cost than random search at full fidelity");
    }

    /// <summary>Cost spent up to and including the first full-fidelity trial at or above the target; the cap plus one when none reached it.</summary>
    private static double CostToReach(IReadOnlyList<TrialOutcome> trials, NoisyProxyEvaluator evaluator, double target, double cap)
    {
        var spent = 0.0;
        foreach (var trial in trials)
        {
            spent += evaluator.Fidelities.Single(f => f.Name == trial.Fidelity).Cost;
            if (spent > cap + 1e-9)
            {
                break;
            }

            if (trial.Fidelity == "full" && trial.Metrics["score"] >= target)
            {
                return spent;
            }
        }

        return cap + 1;
    }
}
