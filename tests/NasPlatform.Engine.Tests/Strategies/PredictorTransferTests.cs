using NasPlatform.Abstractions;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Spaces;
using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Running;
using NasPlatform.Engine.Storage;
using NasPlatform.Engine.Tests.Running;
using NasPlatform.Engine.Tests.Running.TestDomain;
using NasPlatform.Search.Strategies;
using NasPlatform.Search.Torch;
using NasPlatform.Testing.Domains;
using Newtonsoft.Json.Linq;

namespace NasPlatform.Engine.Tests.Strategies;

/// <summary>
/// "transferFrom" of predictor-guided search: the trials of another experiment on the same space train the
/// predictor from the first round, are never stored in the new experiment and cost no evaluation.
/// </summary>
public sealed class PredictorTransferTests : RunnerFixture
{
    private const int Bits = 10;
    private const int SourceTrials = 24;

    private static readonly JObject Fast = JObject.Parse("""
        {
          "initialSamples": 8, "batchSize": 4, "ensembleSize": 3, "hiddenWidth": 16, "epochs": 60,
          "pretrainSamples": 200, "searchSamples": 100, "searchGenerations": 3, "searchParents": 10,
          "transferFrom": "source.json"
        }
        """);

    [Fact]
    public async Task The_transferred_trials_train_every_fit_and_the_new_store_holds_none_of_them()
    {
        var source = await RunSource();
        var spec = Target("target.db");

        var (trials, events, experiments) = await Run(spec);

        // 12 trials of its own: the budget, numbered from 0, none of them copied from the source.
        Assert.Equal(Enumerable.Range(0, 12), trials.Select(t => t.Number));
        Assert.Equal(["bits"], experiments);
        // No initial design: the first round is picked by a predictor fitted on the transferred trials alone.
        Assert.Equal([0L, 4, 8], events.Select(e => e.TrialsTold));
        Assert.Equal(0, events[0].Values["trainedOn"]);
        Assert.All(events, e => Assert.Equal(source.Count(t => t.IsUsable), e.Values["transferred"]));
        Assert.Equal([0.0, 4, 8], events.Select(e => e.Values["trainedOn"]));
        Assert.Contains($"and {source.Count(t => t.IsUsable)} transferred trials of another experiment", events[0].Summary);
    }

    [Fact]
    public async Task A_fixed_seed_gives_the_same_trials_twice()
    {
        await RunSource();

        var first = await Run(Target("first.db"));
        var second = await Run(Target("second.db"));

        Assert.Equal(Signature(first.Trials), Signature(second.Trials));
    }

    [Fact]
    public void A_missing_file_is_a_configuration_error_naming_the_option_and_path()
    {
        var error = Assert.Throws<NasConfigurationException>(() => TransferSource.Load(Target("t.db"), Fast));

        Assert.Contains("$.strategy.options.transferFrom", error.Message);
        Assert.Contains("'source.json'", error.Message);
        Assert.Contains("does not exist", error.Message);
    }

    [Fact]
    public void An_experiment_that_was_never_run_is_named_with_the_command_that_runs_it()
    {
        WriteSource(new JObject());

        var error = Assert.Throws<NasConfigurationException>(() => TransferSource.Load(Target("t.db"), Fast));

        Assert.Contains("has not been run", error.Message);
        Assert.Contains("nas run source.json", error.Message);
    }

    [Fact]
    public async Task Another_search_space_is_refused()
    {
        await RunSource();
        WriteSource(new JObject { ["length"] = 12 });

        var error = Assert.Throws<NasConfigurationException>(() => TransferSource.Load(Target("t.db"), Fast));

        Assert.Contains("searches another space", error.Message);
        Assert.Contains("\"length\":12", error.Message);
    }

    [Fact]
    public async Task A_space_that_takes_over_candidates_gets_the_counterparts_of_another_size()
    {
        var source = await RunSource();
        WriteSource(new JObject { ["length"] = 12 });
        var wider = new PaddedBitSpace(12);

        var transferred = TransferSource.Load(Target("t.db"), Fast, wider);

        // Every usable source trial, its 10-bit candidate padded to 12 bits, its score the source's, its free
        // statistics those of the counterpart.
        var usable = source.Where(t => t.IsUsable).ToList();
        Assert.Equal(usable.Select(t => BitStringSpace.Bits(t.Candidate) + "00"), transferred.Select(t => BitStringSpace.Bits(t.Candidate)));
        Assert.Equal(usable.Select(t => t.Metrics["score"]), transferred.Select(t => t.Metrics["score"]));
        Assert.All(transferred, t => Assert.Equal(wider.FreeStatistics(t.Candidate), t.FreeStatistics));
        Assert.All(transferred, t => Assert.Empty(wider.Validate(t.Candidate)));
    }

    [Fact]
    public async Task Fewer_than_two_counterparts_are_a_configuration_error()
    {
        await RunSource();
        WriteSource(new JObject { ["length"] = 12 });

        var error = Assert.Throws<NasConfigurationException>(() => TransferSource.Load(Target("t.db"), Fast, new PaddedBitSpace(12, accept: _ => false)));

        Assert.Contains("0 have a counterpart in this experiment's space", error.Message);
        Assert.Contains("transferFrom", error.Message);
    }

    [Fact]
    public void Options_without_transferFrom_transfer_nothing()
    {
        Assert.Empty(TransferSource.Load(Target("t.db"), new JObject { ["batchSize"] = 4 }));
    }

    private string WriteSource(JObject spaceOptions)
    {
        var path = Path.Combine(Directory, "source.json");
        var document = new JObject
        {
            ["name"] = "source",
            ["plugin"] = "test",
            ["searchSpace"] = new JObject { ["name"] = "bits", ["options"] = spaceOptions },
            ["evaluator"] = new JObject { ["name"] = "bit-score" },
            ["strategy"] = new JObject { ["name"] = "test-random" },
            ["objectives"] = new JArray(new JObject { ["metric"] = "score", ["direction"] = "maximize" }),
            ["budget"] = new JObject { ["trials"] = SourceTrials },
            ["seed"] = 3,
        };
        File.WriteAllText(path, document.ToString());
        return path;
    }

    /// <summary>A random-search experiment of 24 trials on the same 10-bit space, stored beside the target.</summary>
    private async Task<IReadOnlyList<TrialRecord>> RunSource()
    {
        var spec = ExperimentFile.Load(WriteSource(new JObject()));
        using var store = SqliteTrialStore.Open(spec.StorePath);
        var summary = await Runner(spec, store, new BitStringEvaluator(), length: Bits).RunAsync();
        return store.GetTrials(summary.ExperimentId);
    }

    private ExperimentSpec Target(string store) =>
        TestExperiments.Spec(StorePath(store), trials: 12, strategy: PredictorGuidedSearchFactory.StrategyName, strategyOptions: (JObject)Fast.DeepClone());

    private static async Task<(IReadOnlyList<TrialRecord> Trials, IReadOnlyList<StrategyEventRecord> Events, IReadOnlyList<string> Experiments)> Run(ExperimentSpec spec)
    {
        var factory = new PredictorGuidedSearchFactory(SearchComponents.Predictors);
        var components = Components(spec, new BitStringSpace(Bits), new BitStringEvaluator(), factory) with
        {
            TransferredTrials = TransferSource.Load(spec, spec.Strategy.Options),
        };
        using var store = SqliteTrialStore.Open(spec.StorePath);
        var summary = await new ExperimentRunner(spec, components, store).RunAsync();
        return (store.GetTrials(summary.ExperimentId), store.GetStrategyEvents(summary.ExperimentId), store.ListExperiments().Select(e => e.Name).ToList());
    }

    /// <summary>A wider bit-string space that takes over shorter candidates by padding them with zeros.</summary>
    private sealed class PaddedBitSpace(int length, Func<string, bool>? accept = null) : ISearchSpace, ICandidateTransfer
    {
        private readonly BitStringSpace _inner = new(length);

        public int EncodingLength => _inner.EncodingLength;

        public Candidate? Transfer(Candidate candidate)
        {
            var bits = BitStringSpace.Bits(candidate);
            return bits.Length <= length && (accept ?? (_ => true))(bits) ? BitStringSpace.Make(bits.PadRight(length, '0')) : null;
        }

        public Candidate Sample(Random rng) => _inner.Sample(rng);

        public Candidate Mutate(Candidate parent, Random rng) => _inner.Mutate(parent, rng);

        public Candidate Crossover(Candidate first, Candidate second, Random rng) => _inner.Crossover(first, second, rng);

        public IReadOnlyList<string> Validate(Candidate candidate) => _inner.Validate(candidate);

        public double[] Encode(Candidate candidate) => _inner.Encode(candidate);

        public IReadOnlyDictionary<string, double> FreeStatistics(Candidate candidate) => _inner.FreeStatistics(candidate);
    }
}
