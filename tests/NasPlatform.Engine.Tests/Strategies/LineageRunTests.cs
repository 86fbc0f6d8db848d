using NasPlatform.Engine.Tests.Running.TestDomain;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Objectives;
using NasPlatform.Abstractions.Search;
using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Running;
using NasPlatform.Engine.Storage;
using NasPlatform.Testing.Domains;

namespace NasPlatform.Engine.Tests.Strategies;

/// <summary>Real runs record each child's parents: earlier trials, the ones its candidate was mutated or crossed from.</summary>
public sealed class LineageRunTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Regularized_evolution_records_one_parent_per_child_a_usable_earlier_trial_one_mutation_away()
    {
        var spec = TestExperiments.Spec(_dir.File("evolution.db"), trials: 30, strategy: "regularized-evolution",
            strategyOptions: new JObject { ["populationSize"] = 8, ["sampleSize"] = 4 });

        var (_, trials) = await StrategyRuns.RunToEnd(spec, new NoisyProxyEvaluator(), TestStrategies.Catalog.Get("regularized-evolution"));

        var byNumber = trials.ToDictionary(t => t.Number);
        // The first population is sampled: no parents. Every later trial is a mutant of one earlier trial.
        Assert.All(trials.Where(t => t.Number < 8), t => Assert.Empty(t.Parents));
        Assert.All(trials.Where(t => t.Number >= 8), t =>
        {
            var parent = byNumber[Assert.Single(t.Parents)];
            Assert.True(parent.Number < t.Number);
            Assert.True(parent.IsUsable);
            Assert.InRange(Differences(parent, t), 1, 12);
        });
    }

    [Fact]
    public async Task Nsga2_records_both_parents_of_a_crossover_and_one_of_a_copy()
    {
        var spec = TestExperiments.Spec(_dir.File("nsga2.db"), trials: 40, strategy: "nsga2",
            strategyOptions: new JObject { ["populationSize"] = 8 },
            objectives: [new("score", Direction.Maximize), new("ones", Direction.Minimize)]);

        var (_, trials) = await StrategyRuns.RunToEnd(spec, new NoisyProxyEvaluator(), TestStrategies.Catalog.Get("nsga2"));

        Assert.All(trials.Where(t => t.Number < 8), t => Assert.Empty(t.Parents));
        var children = trials.Where(t => t.Number >= 8).ToList();
        Assert.All(children, t =>
        {
            Assert.InRange(t.Parents.Count, 1, 2);
            Assert.All(t.Parents, p => Assert.InRange(p, 0, t.Number - 1));
            Assert.Equal(t.Parents.Count, t.Parents.Distinct().Count());
        });
        Assert.Contains(children, t => t.Parents.Count == 2);
    }

    [Fact]
    public async Task A_stepped_evaluator_s_values_are_stored_per_trial_and_step()
    {
        var spec = TestExperiments.Spec(_dir.File("curves.db"), trials: 5);
        using var store = SqliteTrialStore.Open(spec.StorePath);

        var components = new ExperimentComponents(new BitStringSpace(8), new SteppedEvaluator { Steps = 6 }, new RandomSamplingFactory());
        var summary = await new ExperimentRunner(spec, components, store).RunAsync();

        var values = store.GetIntermediateValues(summary.ExperimentId);
        Assert.Equal(5 * 6, values.Count);
        Assert.All(values.GroupBy(v => v.TrialNumber), g => Assert.Equal(Enumerable.Range(1, 6), g.Select(v => v.Step)));
        Assert.All(values, v => Assert.Equal(1.0 / v.Step, v.Metrics["loss"], 12));
    }

    private static int Differences(TrialRecord a, TrialRecord b) =>
        BitStringSpace.Bits(a.Candidate).Zip(BitStringSpace.Bits(b.Candidate)).Count(p => p.First != p.Second);
}
