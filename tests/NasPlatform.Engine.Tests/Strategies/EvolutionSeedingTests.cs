using NasPlatform.Abstractions;
using NasPlatform.Abstractions.Objectives;
using NasPlatform.Abstractions.Search;
using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Running;
using NasPlatform.Engine.Storage;
using NasPlatform.Engine.Tests.Running;
using NasPlatform.Engine.Tests.Running.TestDomain;
using NasPlatform.Search.Strategies;
using NasPlatform.Testing.Domains;
using Newtonsoft.Json.Linq;

namespace NasPlatform.Engine.Tests.Strategies;

/// <summary>
/// "transferFrom" of regularized evolution: another experiment's trials that meet this experiment's constraints
/// seed the population, so the first trial is already a mutation of the best of them (how a CNOT-minimising
/// search starts from an ADAPT-VQE circuit); the transferred trials are judged by this experiment's constraints,
/// and a primary metric that is a free statistic of the other experiment's trials is read from those.
/// </summary>
public sealed class EvolutionSeedingTests : RunnerFixture
{
    private const int Bits = 10;

    [Fact]
    public async Task The_first_trial_mutates_a_seed_that_meets_the_constraint()
    {
        var best = await RunSource();
        var spec = Target("target.db", $"score >= {best}");

        var transferred = TransferSource.Load(spec, spec.Strategy.Options);
        var (trials, experiments) = await Run(spec, transferred);

        var seeds = transferred.Where(t => t.IsUsable).Select(t => BitStringSpace.Bits(t.Candidate)).ToList();
        Assert.NotEmpty(seeds);
        // One bit away from a seed: a mutation of the seeded population, not a random sample of 10 bits.
        Assert.Contains(seeds, s => Distance(s, BitStringSpace.Bits(trials[0].Candidate)) == 1);
        Assert.Equal(Enumerable.Range(0, 6), trials.Select(t => t.Number));
        Assert.Equal(["bits"], experiments);
    }

    [Fact]
    public async Task Transferred_trials_are_judged_by_this_experiments_constraints()
    {
        var best = await RunSource();
        var spec = Target("t.db", $"score >= {best}");

        var transferred = TransferSource.Load(spec, spec.Strategy.Options);

        Assert.Equal(24, transferred.Count);
        Assert.All(transferred, t => Assert.Equal(t.Metrics["score"] >= best, t.Feasible));
        Assert.Contains(transferred, t => !t.Feasible);
    }

    [Fact]
    public async Task A_primary_metric_that_is_a_free_statistic_is_read_from_the_free_statistics()
    {
        await RunSource();
        var spec = Target("t.db", null) with { Objectives = [new Objective("ones", Direction.Minimize)] };

        var transferred = TransferSource.Load(spec, spec.Strategy.Options);

        Assert.Equal(24, transferred.Count);
        Assert.All(transferred, t => Assert.Equal(t.FreeStatistics["ones"], t.Metrics["ones"]));
    }

    [Fact]
    public void TransferFrom_without_handed_trials_is_refused()
    {
        var spec = Target("t.db", null);
        var context = new StrategyContext(new BitStringSpace(Bits), new ObjectiveSet(spec.Objectives), [], new NasPlatform.Abstractions.Evaluation.Fidelity("full"), 7);
        var options = new RegularizedEvolutionOptions { PopulationSize = 4, SampleSize = 2, TransferFrom = "source.json" };

        var error = Assert.Throws<NasConfigurationException>(() => new RegularizedEvolutionFactory().Create(options, context));

        Assert.Contains("\"transferFrom\" names 'source.json'", error.Message);
    }

    private static int Distance(string a, string b) => a.Zip(b).Count(p => p.First != p.Second);

    /// <summary>A random-search experiment of 24 trials on the same space, stored beside the target; returns its best score.</summary>
    private async Task<double> RunSource()
    {
        var path = Path.Combine(Directory, "source.json");
        var document = new JObject
        {
            ["name"] = "source",
            ["plugin"] = "test",
            ["searchSpace"] = new JObject { ["name"] = "bits", ["options"] = new JObject() },
            ["evaluator"] = new JObject { ["name"] = "bit-score" },
            ["strategy"] = new JObject { ["name"] = "test-random" },
            ["objectives"] = new JArray(new JObject { ["metric"] = "score", ["direction"] = "maximize" }),
            ["budget"] = new JObject { ["trials"] = 24 },
            ["seed"] = 3,
        };
        File.WriteAllText(path, document.ToString());
        var spec = ExperimentFile.Load(path);
        using var store = SqliteTrialStore.Open(spec.StorePath);
        var summary = await Runner(spec, store, new BitStringEvaluator(), length: Bits).RunAsync();
        return store.GetTrials(summary.ExperimentId).Max(t => t.Metrics["score"]);
    }

    private ExperimentSpec Target(string store, string? constraint) =>
        TestExperiments.Spec(StorePath(store), trials: 6, strategy: RegularizedEvolutionFactory.StrategyName,
            constraints: constraint is null ? null : [constraint],
            strategyOptions: new JObject { ["populationSize"] = 4, ["sampleSize"] = 2, ["transferFrom"] = "source.json" });

    private static async Task<(IReadOnlyList<TrialRecord> Trials, IReadOnlyList<string> Experiments)> Run(ExperimentSpec spec, IReadOnlyList<TrialOutcome> transferred)
    {
        var components = Components(spec, new BitStringSpace(Bits), new BitStringEvaluator(), new RegularizedEvolutionFactory()) with
        {
            TransferredTrials = transferred,
        };
        using var store = SqliteTrialStore.Open(spec.StorePath);
        var summary = await new ExperimentRunner(spec, components, store).RunAsync();
        return (store.GetTrials(summary.ExperimentId), store.ListExperiments().Select(e => e.Name).ToList());
    }
}
