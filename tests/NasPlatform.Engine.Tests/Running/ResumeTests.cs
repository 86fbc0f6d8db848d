using NasPlatform.Engine.Tests.Running.TestDomain;
using NasPlatform.Abstractions;
using NasPlatform.Abstractions.Search;
using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Running;
using NasPlatform.Engine.Storage;
using NasPlatform.Testing.Domains;

namespace NasPlatform.Engine.Tests.Running;

public sealed class ResumeTests : RunnerFixture
{
    private const int Length = 20;

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(24)]
    public async Task Resuming_after_a_cancellation_gives_the_trials_of_an_uninterrupted_run(int cancelAt)
    {
        var reference = await RunToEnd(Spec("reference.db"), length: Length);

        var spec = Spec("interrupted.db");
        var firstEvaluator = new BitStringEvaluator { Delay = TimeSpan.FromMilliseconds(20) };
        using (var cancellation = new CancellationTokenSource())
        using (var store = SqliteTrialStore.Open(spec.StorePath))
        {
            var observer = new RecordingObserver { OnTrialStarted = t => { if (t.Number == cancelAt) { cancellation.Cancel(); } } };
            var interrupted = await Runner(spec, store, firstEvaluator, observer: observer, length: Length).RunAsync(cancellation.Token);

            Assert.Equal(ExperimentStatus.Interrupted, interrupted.Status);
            Assert.Equal(cancelAt, interrupted.TrialsFinished);
            Assert.Equal(1, interrupted.Pending);
            var stored = store.GetTrials(interrupted.ExperimentId);
            Assert.Equal(TrialState.Pending, stored[^1].State);
            Assert.Equal(cancelAt, stored[^1].Number);
            Assert.Equal(Signature(reference.Trials.Take(cancelAt)), Signature(stored.Take(cancelAt)));
            Assert.Equal(ExperimentStatus.Interrupted, store.FindExperiment("bits")!.Status);
        }

        // A fresh store handle, strategy and runner: everything comes from the file.
        var secondEvaluator = new BitStringEvaluator();
        using (var store = SqliteTrialStore.Open(spec.StorePath))
        {
            var resumed = await Runner(spec, store, secondEvaluator, length: Length).ResumeAsync();

            Assert.Equal(ExperimentStatus.Completed, resumed.Status);
            Assert.Equal(25, resumed.TrialsFinished);
            var trials = store.GetTrials(resumed.ExperimentId);
            Assert.Equal(Signature(reference.Trials), Signature(trials));
            Assert.Equal(25 - cancelAt, secondEvaluator.Evaluated.Count);
            Assert.Equal(reference.Summary.Best.Single().Number, resumed.Best.Single().Number);
        }
    }

    [Theory]
    [InlineData(5)]
    [InlineData(10)]
    [InlineData(17)]
    public async Task A_strategy_that_plans_batches_inside_Ask_resumes_to_the_trials_of_an_uninterrupted_run(int cancelAt)
    {
        ExperimentSpec Batch(string store) => Spec(store) with { Strategy = new ComponentSpec("test-batch", new()) };
        IReadOnlyList<TrialRecord> reference;
        using (var store = SqliteTrialStore.Open(Batch("reference.db").StorePath))
        {
            var summary = await Runner(Batch("reference.db"), store, new BitStringEvaluator(), new BatchPlanningFactory(), length: Length).RunAsync();
            reference = store.GetTrials(summary.ExperimentId);
        }

        var spec = Batch("interrupted.db");
        using (var cancellation = new CancellationTokenSource())
        using (var store = SqliteTrialStore.Open(spec.StorePath))
        {
            var observer = new RecordingObserver { OnTrialStarted = t => { if (t.Number == cancelAt) { cancellation.Cancel(); } } };
            var evaluator = new BitStringEvaluator { Delay = TimeSpan.FromMilliseconds(20) };
            var interrupted = await Runner(spec, store, evaluator, new BatchPlanningFactory(), observer, length: Length).RunAsync(cancellation.Token);
            Assert.Equal(ExperimentStatus.Interrupted, interrupted.Status);
        }

        var warnings = new List<string>();
        using (var store = SqliteTrialStore.Open(spec.StorePath))
        {
            var observer = new RecordingObserver { OnWarning = warnings.Add };
            var resumed = await Runner(spec, store, new BitStringEvaluator(), new BatchPlanningFactory(), observer, length: Length).ResumeAsync();

            Assert.Equal(ExperimentStatus.Completed, resumed.Status);
            Assert.Equal(Signature(reference), Signature(store.GetTrials(resumed.ExperimentId)));
        }

        Assert.Empty(warnings);
    }

    [Fact]
    public async Task A_trial_left_running_by_a_killed_process_is_evaluated_again_and_counted_once()
    {
        var reference = await RunToEnd(Spec("reference.db", trials: 12), length: Length);

        var spec = Spec("killed.db", trials: 12);
        using (var cancellation = new CancellationTokenSource())
        using (var store = SqliteTrialStore.Open(spec.StorePath))
        {
            var observer = new RecordingObserver { OnTrialStarted = t => { if (t.Number == 5) { cancellation.Cancel(); } } };
            var summary = await Runner(spec, store, new BitStringEvaluator { Delay = TimeSpan.FromMilliseconds(20) }, observer: observer, length: Length)
                .RunAsync(cancellation.Token);

            // What a kill -9 leaves behind: the trial still running, the experiment still running.
            store.MarkRunning(summary.ExperimentId, 5, "killed:1/0");
            store.SetStatus(summary.ExperimentId, ExperimentStatus.Running);
        }

        var evaluator = new BitStringEvaluator();
        using (var store = SqliteTrialStore.Open(spec.StorePath))
        {
            var resumed = await Runner(spec, store, evaluator, length: Length).ResumeAsync();

            var trials = store.GetTrials(resumed.ExperimentId);
            Assert.Equal(12, resumed.TrialsFinished);
            Assert.Equal(Signature(reference.Trials), Signature(trials));
            Assert.Equal(7, evaluator.Evaluated.Count);
            Assert.Equal(BitStringSpace.Bits(trials[5].Candidate) + "@full", evaluator.Evaluated[0]);
        }
    }

    [Fact]
    public async Task A_stored_running_trial_is_requeued_with_its_number_and_candidate()
    {
        var spec = Spec("store.db", trials: 5, length: 8);
        var written = BitStringSpace.Make("11110000");
        using (var store = SqliteTrialStore.Open(spec.StorePath))
        {
            var id = store.CreateExperiment(spec.Name, spec.Document.ToString(), spec.Seed, spec.BaseDirectory).Id;
            store.AddTrial(id, 0, written, "full", new Dictionary<string, double> { ["ones"] = 4 });
            store.MarkRunning(id, 0, "gone:1/0");
        }

        var evaluator = new BitStringEvaluator();
        using (var store = SqliteTrialStore.Open(spec.StorePath))
        {
            var summary = await Runner(spec, store, evaluator).ResumeAsync();

            var trials = store.GetTrials(summary.ExperimentId);
            Assert.Equal(Enumerable.Range(0, 5), trials.Select(t => t.Number));
            Assert.All(trials, t => Assert.Equal(TrialState.Completed, t.State));
            Assert.Equal(written, trials[0].Candidate);
            Assert.Equal("11110000@full", evaluator.Evaluated[0]);
            Assert.Single(evaluator.Evaluated, e => e == "11110000@full");
            Assert.Equal(5, evaluator.Evaluated.Count);
            Assert.Equal(5, summary.TrialsFinished);
        }
    }

    [Fact]
    public async Task Several_workers_cancelled_mid_run_resume_to_an_exact_budget()
    {
        var spec = TestExperiments.Spec(StorePath(), trials: 20, workers: 4);
        var evaluations = new List<string>();
        using (var cancellation = new CancellationTokenSource())
        using (var store = SqliteTrialStore.Open(spec.StorePath))
        {
            var finished = 0;
            var observer = new RecordingObserver { OnTrialFinished = _ => { if (++finished == 7) { cancellation.Cancel(); } } };
            var evaluator = new BitStringEvaluator { Delay = TimeSpan.FromMilliseconds(30) };
            var interrupted = await Runner(spec, store, evaluator, observer: observer).RunAsync(cancellation.Token);
            evaluations.AddRange(evaluator.Evaluated);

            Assert.Equal(ExperimentStatus.Interrupted, interrupted.Status);
            Assert.InRange(interrupted.TrialsFinished, 7, 19);
            Assert.DoesNotContain(store.GetTrials(interrupted.ExperimentId), t => t.State == TrialState.Running);
            Assert.Equal(interrupted.Pending, store.GetTrials(interrupted.ExperimentId).Count(t => t.State == TrialState.Pending));
        }

        using (var store = SqliteTrialStore.Open(spec.StorePath))
        {
            var evaluator = new BitStringEvaluator { Delay = TimeSpan.FromMilliseconds(5) };
            var resumed = await Runner(spec, store, evaluator).ResumeAsync();
            var trials = store.GetTrials(resumed.ExperimentId);

            Assert.Equal(20, resumed.TrialsFinished);
            Assert.Equal(Enumerable.Range(0, 20), trials.Select(t => t.Number));
            Assert.All(trials, t => Assert.Equal(TrialState.Completed, t.State));
            Assert.Equal(20, trials.Select(t => t.Hash).Distinct().Count());
            Assert.Equal(Enumerable.Range(0, 20).Select(n => (long?)n), trials.Select(t => t.TellSequence).Order());
            // Only trials interrupted in the first session are evaluated twice.
            Assert.Equal(20, evaluations.Concat(evaluator.Evaluated).Distinct().Count());
        }
    }

    [Fact]
    public async Task Resuming_an_experiment_the_store_does_not_hold_says_how_to_start_it()
    {
        var spec = Spec("store.db");
        using var store = SqliteTrialStore.Open(spec.StorePath);

        var error = await Assert.ThrowsAsync<NasConfigurationException>(() => Runner(spec, store, new BitStringEvaluator(), length: Length).ResumeAsync());

        Assert.Contains("no experiment named 'bits'", error.Message);
        Assert.Contains("nas run", error.Message);
    }

    [Fact]
    public async Task Resuming_a_finished_experiment_evaluates_nothing()
    {
        var spec = Spec("store.db", trials: 6);
        var (first, trials) = await RunToEnd(spec, length: Length);
        var evaluator = new BitStringEvaluator();
        using var store = SqliteTrialStore.Open(spec.StorePath);

        var again = await Runner(spec, store, evaluator, length: Length).ResumeAsync();

        Assert.Empty(evaluator.Evaluated);
        Assert.Equal(6, again.TrialsFinished);
        Assert.Equal(Signature(trials), Signature(store.GetTrials(again.ExperimentId)));
        Assert.Equal(first.Best.Single().Number, again.Best.Single().Number);
    }

    [Fact]
    public async Task Cancelling_puts_running_trials_back_to_pending_even_when_the_evaluator_ignores_it()
    {
        var spec = TestExperiments.Spec(StorePath(), trials: 4, workers: 2);
        using var cancellation = new CancellationTokenSource();
        using var store = SqliteTrialStore.Open(spec.StorePath);
        var started = 0;
        var observer = new RecordingObserver { OnTrialStarted = _ => { if (++started == 2) { cancellation.Cancel(); } } };
        var evaluator = new BitStringEvaluator { BehaviourOf = _ => Behaviour.HangIgnoringCancellation };
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var summary = await Runner(spec, store, evaluator, observer: observer, grace: TimeSpan.FromMilliseconds(100)).RunAsync(cancellation.Token);

        // The evaluator never returns: without the grace period the run would hang, so any finite bound tells.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        Assert.Equal(ExperimentStatus.Interrupted, summary.Status);
        Assert.Equal(0, summary.TrialsFinished);
        Assert.Equal(2, summary.Pending);
        Assert.All(store.GetTrials(summary.ExperimentId), t =>
        {
            Assert.Equal(TrialState.Pending, t.State);
            Assert.Null(t.Error);
        });
        Assert.Equal(ExperimentStatus.Interrupted, store.FindExperiment("bits")!.Status);
    }

    [Fact]
    public async Task A_second_session_cannot_run_an_experiment_while_the_first_holds_it()
    {
        var spec = Spec("store.db", trials: 3, length: 8);
        var started = new TaskCompletionSource();
        using var store = SqliteTrialStore.Open(spec.StorePath);
        var observer = new RecordingObserver { OnTrialStarted = _ => started.TrySetResult() };
        var first = Runner(spec, store, new BitStringEvaluator { Delay = TimeSpan.FromMilliseconds(200) }, observer: observer).RunAsync();
        await started.Task;

        using (var other = SqliteTrialStore.Open(spec.StorePath))
        {
            var error = await Assert.ThrowsAsync<NasConfigurationException>(() => Runner(spec, other, new BitStringEvaluator()).ResumeAsync());
            Assert.Contains("being run by another session", error.Message);
            Assert.Contains(Path.Combine("store.db.artifacts", "bits.lock"), error.Message);
        }

        var summary = await first;
        Assert.Equal(3, summary.TrialsFinished);
        var evaluator = new BitStringEvaluator();
        Assert.Equal(3, (await Runner(spec, store, evaluator).ResumeAsync()).TrialsFinished);
        Assert.Empty(evaluator.Evaluated);
    }

    [Fact]
    public async Task The_held_lock_message_names_the_holding_process_and_a_resume_command_that_works()
    {
        var spec = Spec("store.db", trials: 2, length: 8);
        using var store = SqliteTrialStore.Open(spec.StorePath);
        await Runner(spec, store, new BitStringEvaluator()).RunAsync();
        var artifacts = ExperimentFolders.Lock(spec.StorePath, spec.Name);

        string message;
        using (ExperimentLock.Acquire(artifacts, spec))
        {
            Assert.Equal($"pid {Environment.ProcessId} on {Environment.MachineName}", ExperimentLock.HeldBy(artifacts));
            message = (await Assert.ThrowsAsync<NasConfigurationException>(() => Runner(spec, store, new BitStringEvaluator()).ResumeAsync())).Message;
        }

        Assert.Contains($"(pid {Environment.ProcessId} on {Environment.MachineName};", message);
        // The bare experiment name is no path `nas resume` can open; the store and the name are.
        Assert.EndsWith($"then `nas resume {spec.StorePath} --experiment {spec.Name}`.", message);
        Assert.Null(ExperimentLock.HeldBy(artifacts));
    }

    private ExperimentSpec Spec(string store, int trials = 25, int length = Length) =>
        TestExperiments.Spec(StorePath(store), trials: trials, strategy: length == Length ? "test-hill-climb" : "test-random");
}
