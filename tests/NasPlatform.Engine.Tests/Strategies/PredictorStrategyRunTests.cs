using NasPlatform.Engine.Tests.Running;
using NasPlatform.Engine.Tests.Running.TestDomain;
using NasPlatform.Search.Torch;
using NasPlatform.Search.Strategies;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Search;
using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Storage;
using NasPlatform.Engine.Strategies;
using NasPlatform.Testing.Domains;

namespace NasPlatform.Engine.Tests.Strategies;

/// <summary>The predictor strategies through the experiment runner and its store, on 10-bit strings (1,024 candidates).</summary>
public sealed class PredictorStrategyRunTests : RunnerFixture
{
    private const int Bits = 10;

    /// <summary>Small settings, so a 30-trial run with a few refits takes about a second.</summary>
    private static readonly JObject Fast = JObject.Parse("""
        {
          "initialSamples": 8, "batchSize": 4, "ensembleSize": 3, "hiddenWidth": 16, "epochs": 60,
          "pretrainSamples": 200, "searchSamples": 100, "searchGenerations": 3, "searchParents": 10
        }
        """);

    public static TheoryData<string> Strategies => new() { PredictorGuidedSearchFactory.StrategyName, NeuralPredictorSearchFactory.StrategyName };

    [Theory]
    [MemberData(nameof(Strategies))]
    public async Task One_worker_and_a_fixed_seed_give_the_same_trials_twice(string strategy)
    {
        var first = await Run(Spec(strategy, "first.db"));
        var second = await Run(Spec(strategy, "second.db"));

        Assert.Equal(30, first.Trials.Count);
        Assert.Equal(Signature(first.Trials), Signature(second.Trials));
        Assert.Equal(first.Events.Select(e => e.Kind + e.TrialsTold), second.Events.Select(e => e.Kind + e.TrialsTold));
    }

    [Theory]
    [InlineData("predictor-guided", 3)]
    [InlineData("predictor-guided", 13)]
    [InlineData("neural-predictor", 12)]
    [InlineData("neural-predictor", 20)]
    public async Task Resuming_after_a_cancellation_gives_the_trials_and_events_of_an_uninterrupted_run(string strategy, int cancelAt)
    {
        var reference = await Run(Spec(strategy, "reference.db"));

        var spec = Spec(strategy, "interrupted.db");
        using (var cancellation = new CancellationTokenSource())
        using (var store = SqliteTrialStore.Open(spec.StorePath))
        {
            var observer = new RecordingObserver { OnTrialStarted = t => { if (t.Number == cancelAt) { cancellation.Cancel(); } } };
            var evaluator = new BitStringEvaluator { Delay = TimeSpan.FromMilliseconds(20) };
            var interrupted = await Runner(spec, store, evaluator, Factory(strategy), observer, Bits).RunAsync(cancellation.Token);
            Assert.Equal(ExperimentStatus.Interrupted, interrupted.Status);
        }

        var warnings = new List<string>();
        using (var store = SqliteTrialStore.Open(spec.StorePath))
        {
            var resumed = await Runner(spec, store, new BitStringEvaluator(), Factory(strategy), new RecordingObserver { OnWarning = warnings.Add }, Bits).ResumeAsync();

            Assert.Equal(ExperimentStatus.Completed, resumed.Status);
            Assert.Equal(Signature(reference.Trials), Signature(store.GetTrials(resumed.ExperimentId)));
            var events = store.GetStrategyEvents(resumed.ExperimentId);
            Assert.Equal(reference.Events.Select(e => (e.Sequence, e.Kind, e.TrialsTold)), events.Select(e => (e.Sequence, e.Kind, e.TrialsTold)));
        }

        Assert.Empty(warnings);
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public async Task A_candidate_over_a_free_statistic_threshold_is_never_evaluated(string strategy)
    {
        var evaluator = new BitStringEvaluator();
        var spec = Spec(strategy, "constrained.db", constraints: ["ones <= 4"]);

        var (trials, _) = await Run(spec, evaluator);

        Assert.Equal(30, trials.Count);
        Assert.All(evaluator.Evaluated, e => Assert.True(e.Split('@')[0].Count(c => c == '1') <= 4, e));
        Assert.All(trials, t => Assert.True(t.FreeStatistics["ones"] <= 4));
    }

    [Fact]
    public async Task Every_refit_records_its_predictor_quality_on_trials_it_was_not_trained_on()
    {
        var (trials, events) = await Run(Spec(PredictorGuidedSearchFactory.StrategyName, "events.db"));

        // 8 initial, then batches of 4: refits after 8, 12, ..., 28 trials told.
        Assert.Equal([8L, 12, 16, 20, 24, 28], events.Select(e => e.TrialsTold));
        Assert.All(events, e => Assert.Equal(StrategyEvent.PredictorFitKind, e.Kind));
        Assert.Equal(Enumerable.Range(0, events.Count).Select(i => (long)i), events.Select(e => e.Sequence));
        Assert.False(events[0].Values.ContainsKey("kendallTau"));
        Assert.All(events.Skip(1), e =>
        {
            Assert.Equal(4, e.Values["heldOut"]);
            Assert.Equal(e.TrialsTold - 4, e.Values["heldOutTrainedOn"]);
            Assert.Equal(e.TrialsTold, e.Values["trainedOn"]);
            Assert.InRange(e.Values["kendallTau"], -1, 1);
            Assert.Contains("Kendall tau", e.Summary);
        });
        Assert.Contains("pretrained on 1 free statistics of 200 samples", events[0].Summary);
        Assert.True(trials.Max(t => t.Metrics["score"]) >= 50, "the search should find a good string (the best scores 55)");
    }

    [Fact]
    public async Task The_gaussian_process_baseline_runs_in_the_same_strategy()
    {
        var options = (JObject)Fast.DeepClone();
        options["predictor"] = "gp";

        var (trials, events) = await Run(Spec(PredictorGuidedSearchFactory.StrategyName, "gp.db", options: options));

        Assert.Equal(30, trials.Count);
        Assert.All(events, e => Assert.StartsWith("gp fitted on", e.Summary));
    }

    [Fact]
    public async Task The_strategy_says_what_it_is_doing_between_trials()
    {
        var spec = Spec(NeuralPredictorSearchFactory.StrategyName, "status.db");
        var observer = new RecordingObserver();
        using var store = SqliteTrialStore.Open(spec.StorePath);

        await Runner(spec, store, new BitStringEvaluator(), Factory(spec.Strategy.Name), observer, Bits).RunAsync();

        // One worker: the 12 random trials are all told before the one fit, which pretrains first, then ranks the pool.
        Assert.Equal(3, observer.Statuses.Count);
        Assert.Equal("pretraining the predictor on 200 sampled candidates' free statistics", observer.Statuses[0].Message);
        Assert.Equal("refitting the predictor on 12 trials", observer.Statuses[1].Message);
        Assert.Matches(@"^screening \d+ candidates on the predictor$", observer.Statuses[2].Message);
        Assert.All(observer.Statuses, s => Assert.Equal(12, s.TrialsStarted));
    }

    private static ISearchStrategyFactory Factory(string strategy) => strategy == PredictorGuidedSearchFactory.StrategyName
        ? new PredictorGuidedSearchFactory(SearchComponents.Predictors)
        : new NeuralPredictorSearchFactory(SearchComponents.Predictors);

    private ExperimentSpec Spec(string strategy, string store, IReadOnlyList<string>? constraints = null, JObject? options = null)
    {
        options ??= (JObject)Fast.DeepClone();
        if (strategy == NeuralPredictorSearchFactory.StrategyName)
        {
            options = new JObject(options.Properties().Where(p => p.Name is not ("initialSamples" or "batchSize" or "searchSamples" or "searchGenerations" or "searchParents")))
            {
                ["trainingSamples"] = 12,
                ["poolSize"] = 200,
            };
        }

        return TestExperiments.Spec(StorePath(store), trials: 30, strategy: strategy, constraints: constraints, strategyOptions: options);
    }

    private static async Task<(IReadOnlyList<TrialRecord> Trials, IReadOnlyList<StrategyEventRecord> Events)> Run(ExperimentSpec spec, BitStringEvaluator? evaluator = null)
    {
        using var store = SqliteTrialStore.Open(spec.StorePath);
        var summary = await Runner(spec, store, evaluator ?? new BitStringEvaluator(), Factory(spec.Strategy.Name), length: Bits).RunAsync();
        return (store.GetTrials(summary.ExperimentId), store.GetStrategyEvents(summary.ExperimentId));
    }
}
