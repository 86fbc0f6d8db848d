using NasPlatform.Engine.Tests.Running.TestDomain;
using NasPlatform.Abstractions;
using NasPlatform.Abstractions.Objectives;
using NasPlatform.Abstractions.Search;
using NasPlatform.Engine.Running;
using NasPlatform.Engine.Storage;
using NasPlatform.Testing.Domains;

namespace NasPlatform.Engine.Tests.Running;

public sealed class ConstraintAndFailureTests : RunnerFixture
{
    [Fact]
    public async Task A_constraint_on_free_statistics_rejects_candidates_before_evaluation_without_spending_budget()
    {
        // "ones <= 3" holds for 93 of the 256 strings: most proposals are rejected.
        var evaluator = new BitStringEvaluator();
        var observer = new RecordingObserver();
        var (summary, trials) = await RunToEnd(TestExperiments.Spec(StorePath(), trials: 30, constraints: ["ones <= 3"]), evaluator, observer);

        Assert.Equal(30, trials.Count);
        Assert.All(trials, t => Assert.True(t.FreeStatistics["ones"] <= 3));
        Assert.All(evaluator.Evaluated, e => Assert.True(e.Split('@')[0].Count(c => c == '1') <= 3));
        Assert.Equal(30, evaluator.Evaluated.Count);
        Assert.NotEmpty(observer.Rejections);
        Assert.All(observer.Rejections.Where(r => r.Reason == RejectionReason.Constraint), r => Assert.True(r.Value > 3));
        Assert.Equal(observer.Rejections.Count, summary.RejectedCandidates);
        Assert.All(trials, t => Assert.True(t.Feasible));
    }

    [Fact]
    public async Task An_unsatisfiable_constraint_stops_with_an_error_naming_it_and_the_best_value_seen()
    {
        var evaluator = new BitStringEvaluator();
        var spec = TestExperiments.Spec(StorePath(), trials: 5, constraints: ["ones > 8"]);
        using var store = SqliteTrialStore.Open(spec.StorePath);

        var error = await Assert.ThrowsAsync<NasConfigurationException>(() => Runner(spec, store, evaluator).RunAsync());

        Assert.Contains("'ones > 8'", error.Message);
        Assert.Contains("best value seen: 8", error.Message);
        Assert.Contains("10000", error.Message);
        Assert.Empty(evaluator.Evaluated);
        var experiment = store.FindExperiment("bits")!;
        Assert.Empty(store.GetTrials(experiment.Id));
        Assert.Equal(ExperimentStatus.Failed, experiment.Status);
    }

    [Fact]
    public async Task A_candidate_is_never_evaluated_twice()
    {
        // 16 strings of 4 bits, 16 trials: the last trials are found only by resampling many duplicates.
        var evaluator = new BitStringEvaluator();
        var observer = new RecordingObserver();
        var (_, trials) = await RunToEnd(TestExperiments.Spec(StorePath(), trials: 16, workers: 2), evaluator, observer, length: 4);

        Assert.Equal(16, trials.Select(t => t.Hash).Distinct().Count());
        Assert.Equal(16, evaluator.Evaluated.Distinct().Count());
        Assert.Equal(16, evaluator.Evaluated.Count);
        Assert.Contains(observer.Rejections, r => r.Reason == RejectionReason.Duplicate);
    }

    [Fact]
    public async Task An_exhausted_space_stops_with_a_clear_error_after_recording_everything_evaluated()
    {
        var spec = TestExperiments.Spec(StorePath(), trials: 20, workers: 3);
        using var store = SqliteTrialStore.Open(spec.StorePath);

        var error = await Assert.ThrowsAsync<NasConfigurationException>(() => Runner(spec, store, new BitStringEvaluator(), length: 4).RunAsync());

        Assert.Contains("exhausted", error.Message);
        var experiment = store.FindExperiment("bits")!;
        var trials = store.GetTrials(experiment.Id);
        Assert.Equal(16, trials.Count);
        Assert.All(trials, t => Assert.True(TrialState.Completed == t.State, string.Join("\n", trials.Select(x => $"{x.Number} {x.State} {x.Error} {x.Worker}")) + "\n" + error.ToString()));
        Assert.Equal(ExperimentStatus.Failed, experiment.Status);
    }

    [Fact]
    public async Task Exceptions_and_non_finite_metrics_fail_the_trial_and_the_search_continues()
    {
        var evaluator = new BitStringEvaluator
        {
            BehaviourOf = bits => bits[0] == '1' ? Behaviour.Throw : bits[^1] == '1' ? Behaviour.ReturnNaN : Behaviour.Normal,
        };
        var (summary, trials) = await RunToEnd(TestExperiments.Spec(StorePath(), trials: 30, workers: 2), evaluator);

        Assert.Equal(30, summary.TrialsFinished);
        Assert.Equal(30, trials.Count);
        foreach (var trial in trials)
        {
            var bits = BitStringSpace.Bits(trial.Candidate);
            if (bits[0] == '1')
            {
                Assert.Equal(TrialState.Failed, trial.State);
                Assert.Equal($"InvalidOperationException: cannot evaluate {bits}", trial.Error);
            }
            else if (bits[^1] == '1')
            {
                Assert.Equal(TrialState.Failed, trial.State);
                Assert.Contains("non-finite", trial.Error);
                Assert.Contains("score = NaN", trial.Error);
            }
            else
            {
                Assert.Equal(TrialState.Completed, trial.State);
                Assert.Null(trial.Error);
            }

            Assert.Equal(trial.State == TrialState.Completed, trial.Metrics.Count > 0);
        }

        Assert.Equal(trials.Count(t => t.State == TrialState.Failed), summary.Failed);
        Assert.InRange(summary.Failed, 1, 29);
        Assert.DoesNotContain(summary.Best, t => t.State != TrialState.Completed);
    }

    [Fact]
    public async Task Trials_over_the_timeout_fail_even_when_the_evaluator_ignores_cancellation()
    {
        var evaluator = new BitStringEvaluator
        {
            BehaviourOf = bits => bits[..2] switch
            {
                "11" => Behaviour.HangUntilCancelled,
                "10" => Behaviour.HangIgnoringCancellation,
                _ => Behaviour.Normal,
            },
        };
        var spec = TestExperiments.Spec(StorePath(), trials: 12, workers: 4, trialTimeoutSeconds: 0.2);
        using var store = SqliteTrialStore.Open(spec.StorePath);

        var summary = await Runner(spec, store, evaluator, grace: TimeSpan.FromMilliseconds(100)).RunAsync();

        var trials = store.GetTrials(summary.ExperimentId);
        Assert.Equal(12, trials.Count);
        Assert.All(trials.Where(t => BitStringSpace.Bits(t.Candidate)[0] == '1'), t =>
        {
            Assert.Equal(TrialState.Failed, t.State);
            Assert.Contains("timed out after 0.2 s", t.Error);
        });
        Assert.All(trials.Where(t => BitStringSpace.Bits(t.Candidate)[0] == '0'), t => Assert.Equal(TrialState.Completed, t.State));
        Assert.Contains(trials, t => BitStringSpace.Bits(t.Candidate).StartsWith("10", StringComparison.Ordinal));
        Assert.Equal(ExperimentStatus.Completed, summary.Status);
    }

    [Fact]
    public async Task Constraints_on_metrics_make_completed_trials_infeasible()
    {
        var (summary, trials) = await RunToEnd(TestExperiments.Spec(StorePath(), trials: 30, constraints: ["score >= 20", "zeros <= 5", "ones >= 1"]));

        Assert.All(trials, t => Assert.Equal(TrialState.Completed, t.State));
        Assert.All(trials, t => Assert.Equal(t.Metrics["score"] >= 20 && t.Metrics["zeros"] <= 5, t.Feasible));
        Assert.Contains(trials, t => !t.Feasible);
        Assert.Equal(trials.Count(t => !t.Feasible), summary.Infeasible);
        Assert.True(Assert.Single(summary.Best).Feasible);
    }

    [Fact]
    public async Task A_constraint_on_an_unknown_quantity_stops_the_run_after_the_first_trial()
    {
        var evaluator = new BitStringEvaluator();
        var spec = TestExperiments.Spec(StorePath(), trials: 10, constraints: ["latency <= 3"]);
        using var store = SqliteTrialStore.Open(spec.StorePath);

        var error = await Assert.ThrowsAsync<NasConfigurationException>(() => Runner(spec, store, evaluator).RunAsync());

        Assert.Contains("'latency <= 3'", error.Message);
        Assert.Contains("'ones'", error.Message);
        Assert.Contains("'score', 'zeros'", error.Message);
        // A configuration failure spends nothing: the trial is not judged or counted, it waits pending for a resume.
        var trial = Assert.Single(store.GetTrials(store.FindExperiment("bits")!.Id));
        Assert.Equal(TrialState.Pending, trial.State);
        Assert.Contains("Trial 0 was not counted against the budget", error.Message, StringComparison.Ordinal);
        Assert.Single(evaluator.Evaluated);
    }

    [Fact]
    public async Task An_objective_on_a_metric_the_evaluator_does_not_return_stops_the_run()
    {
        var spec = TestExperiments.Spec(StorePath(), trials: 10, objectives: [new Objective("accuracy", Direction.Maximize)]);
        using var store = SqliteTrialStore.Open(spec.StorePath);

        var error = await Assert.ThrowsAsync<NasConfigurationException>(() => Runner(spec, store, new BitStringEvaluator()).RunAsync());

        Assert.Contains("'accuracy'", error.Message);
        Assert.Contains("'score', 'zeros'", error.Message);
        Assert.Equal(ExperimentStatus.Failed, store.FindExperiment("bits")!.Status);
    }
}
