using NasPlatform.Abstractions;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Search;
using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Running;
using NasPlatform.Engine.Storage;
using NasPlatform.Engine.Tests.Running.TestDomain;
using NasPlatform.Testing.Domains;

namespace NasPlatform.Engine.Tests.Running;

public sealed class PruningTests : RunnerFixture
{
    private const int Steps = 4;
    private static readonly PrunerSpec Median = new("median", "score", StartupTrials: 3);

    [Fact]
    public async Task Poor_trials_are_pruned_and_stored_as_pruned_with_their_last_intermediate_values()
    {
        var spec = Spec("pruned.db", trials: 16);
        var evaluator = new SteppedEvaluator { Steps = Steps };
        using var store = SqliteTrialStore.Open(spec.StorePath);

        var summary = await Runner(spec, store, evaluator).RunAsync();

        var trials = store.GetTrials(summary.ExperimentId);
        var values = store.GetIntermediateValues(summary.ExperimentId).ToLookup(v => v.TrialNumber);
        var pruned = trials.Where(t => t.State == TrialState.Pruned).ToList();
        var completed = trials.Where(t => t.State == TrialState.Completed).ToList();
        Assert.NotEmpty(pruned);
        Assert.Equal(16, summary.TrialsFinished);
        Assert.Equal((completed.Count, pruned.Count), (summary.Completed, summary.Pruned));
        Assert.Equal(completed.Count, evaluator.Completed);
        Assert.All(trials.Take(3), t => Assert.Equal(TrialState.Completed, t.State));
        Assert.All(completed, t => Assert.Equal(Enumerable.Range(1, Steps), values[t.Number].Select(v => v.Step)));
        foreach (var trial in pruned)
        {
            var reported = values[trial.Number].ToList();
            Assert.Equal(Enumerable.Range(1, reported.Count), reported.Select(v => v.Step));
            Assert.Equal(reported[^1].Metrics, trial.Metrics);
            Assert.Contains($"pruned at step {reported[^1].Step}", trial.Error);
            Assert.Contains("median", trial.Error);
        }

        // The median rule keeps the better half: the pruned trials' full scores lie below the completed ones' on average.
        Assert.True(pruned.Average(Quality) < completed.Average(Quality));
    }

    [Fact]
    public async Task A_resumed_run_judges_against_the_stored_values_and_prunes_as_an_uninterrupted_one()
    {
        var reference = Spec("reference.db", trials: 14);
        IReadOnlyList<TrialRecord> uninterrupted;
        using (var store = SqliteTrialStore.Open(reference.StorePath))
        {
            var summary = await Runner(reference, store, new SteppedEvaluator { Steps = Steps }).RunAsync();
            uninterrupted = store.GetTrials(summary.ExperimentId);
        }

        // Without the stored values a resumed session would need three completions of its own before pruning.
        Assert.Contains(uninterrupted, t => t.State == TrialState.Pruned && t.Number < 6);

        var split = Spec("split.db", trials: 3);
        using (var store = SqliteTrialStore.Open(split.StorePath))
        {
            await Runner(split, store, new SteppedEvaluator { Steps = Steps }).RunAsync();
        }

        using (var store = SqliteTrialStore.OpenExisting(split.StorePath))
        {
            var summary = await Runner(split with { Budget = new BudgetSpec(14, null) }, store, new SteppedEvaluator { Steps = Steps }).ResumeAsync();
            var resumed = store.GetTrials(summary.ExperimentId);
            Assert.Equal(Signature(uninterrupted), Signature(resumed));
            Assert.Equal(
                uninterrupted.Select(t => t.Error),
                resumed.Select(t => t.Error));
        }
    }

    [Fact]
    public async Task Without_a_pruner_stepped_values_are_stored_and_every_trial_completes()
    {
        var spec = Spec("plain.db", trials: 6) with { Pruner = null };
        using var store = SqliteTrialStore.Open(spec.StorePath);

        var summary = await Runner(spec, store, new SteppedEvaluator { Steps = Steps }).RunAsync();

        Assert.Equal((6, 0), (summary.Completed, summary.Pruned));
        Assert.Equal(6 * Steps, store.GetIntermediateValues(summary.ExperimentId).Count);
        var first = store.GetIntermediateValues(summary.ExperimentId, 0);
        Assert.Equal([1, 2, 3, 4], first.Select(v => v.Step));
        Assert.Equal([1.0, 0.5, 1.0 / 3, 0.25], first.Select(v => v.Metrics["loss"]));
    }

    [Fact]
    public async Task A_pruner_with_a_dispatcher_that_cannot_prune_is_refused_before_anything_runs()
    {
        var spec = Spec("cluster.db", trials: 4);
        using var store = SqliteTrialStore.Open(spec.StorePath);
        var runner = new ExperimentRunner(spec, Components(new SteppedEvaluator()), store) { Dispatcher = new NonPruningDispatcher() };

        var refused = await Assert.ThrowsAsync<NasConfigurationException>(() => runner.RunAsync());

        Assert.Contains("pruner 'median' cannot stop trials evaluated by its dispatcher (NonPruningDispatcher)", refused.Message);
        Assert.Contains("$.pruner", refused.Message);
        Assert.Empty(store.ListExperiments());
    }

    [Fact]
    public async Task A_trial_that_times_out_with_a_pruner_still_fails_as_timed_out()
    {
        var spec = Spec("timeout.db", trials: 1) with { TrialTimeoutSeconds = 0.2 };
        using var store = SqliteTrialStore.Open(spec.StorePath);
        var hanging = new BitStringEvaluator { BehaviourOf = _ => Behaviour.HangUntilCancelled };

        var summary = await new ExperimentRunner(spec, Components(hanging), store).RunAsync();

        var trial = Assert.Single(store.GetTrials(summary.ExperimentId));
        Assert.Equal(TrialState.Failed, trial.State);
        Assert.Contains("timed out", trial.Error);
    }

    private static double Quality(TrialRecord trial) => BitStringEvaluator.Score(BitStringSpace.Bits(trial.Candidate));

    private ExperimentSpec Spec(string store, int trials) =>
        TestExperiments.Spec(StorePath(store), trials: trials) with { Pruner = Median };

    private static ExperimentRunner Runner(ExperimentSpec spec, ITrialStore store, IEvaluator evaluator) =>
        new(spec, Components(evaluator), store);

    private static ExperimentComponents Components(IEvaluator evaluator) =>
        new(new BitStringSpace(8), evaluator, new RandomSamplingFactory());

    private sealed class NonPruningDispatcher : IEvaluationDispatcher
    {
        public int Slots => 1;

        public string DescribeSlot(int slot) => "elsewhere";

        public Task<EvaluationOutcome> EvaluateAsync(TrialDispatch dispatch, int slot, IProgress<EvaluationProgress> progress, CancellationToken shutdown) =>
            throw new InvalidOperationException("never called: the run is refused first");
    }
}
