using NasPlatform.Engine.Tests.Running.TestDomain;
using NasPlatform.Abstractions;
using NasPlatform.Abstractions.Objectives;
using NasPlatform.Abstractions.Search;
using NasPlatform.Engine.Running;
using NasPlatform.Engine.Storage;
using NasPlatform.Testing.Domains;

namespace NasPlatform.Engine.Tests.Running;

public sealed class ExperimentRunnerTests : RunnerFixture
{
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task The_trials_budget_ends_exact(int workers)
    {
        var evaluator = new BitStringEvaluator();
        var (summary, trials) = await RunToEnd(TestExperiments.Spec(StorePath(), trials: 25, workers: workers), evaluator);

        Assert.Equal(ExperimentStatus.Completed, summary.Status);
        Assert.Equal(25, summary.TrialsFinished);
        Assert.Equal(25, summary.Completed);
        Assert.Equal(0, summary.Running + summary.Pending);
        Assert.Equal(Enumerable.Range(0, 25), trials.Select(t => t.Number));
        Assert.All(trials, t => Assert.Equal(TrialState.Completed, t.State));
        Assert.Equal(Enumerable.Range(0, 25).Select(n => (long?)n), trials.Select(t => t.TellSequence).Order());
        Assert.Equal(25, evaluator.Evaluated.Count);
        Assert.Equal(ExperimentStatus.Completed, Experiment(StorePath()).Status);
    }

    [Fact]
    public async Task Workers_evaluate_in_parallel()
    {
        var evaluator = new BitStringEvaluator { Delay = TimeSpan.FromMilliseconds(100) };
        var (summary, trials) = await RunToEnd(TestExperiments.Spec(StorePath(), trials: 16, workers: 4), evaluator);

        Assert.Equal(4, evaluator.PeakConcurrency);
        Assert.Equal(16, summary.TrialsFinished);
        Assert.Equal(4, trials.Select(t => t.Worker).Distinct().Count());
    }

    [Fact]
    public async Task One_worker_with_the_same_seed_gives_the_same_trials_in_the_same_order()
    {
        var first = await RunToEnd(TestExperiments.Spec(StorePath("a.db"), trials: 20, strategy: "test-hill-climb"), length: 20);
        var second = await RunToEnd(TestExperiments.Spec(StorePath("b.db"), trials: 20, strategy: "test-hill-climb"), length: 20);
        var otherSeed = await RunToEnd(TestExperiments.Spec(StorePath("c.db"), trials: 20, strategy: "test-hill-climb", seed: 8), length: 20);

        Assert.Equal(Signature(first.Trials), Signature(second.Trials));
        Assert.NotEqual(Signature(first.Trials), Signature(otherSeed.Trials));
        Assert.Equal(first.Summary.Best.Single().Candidate, second.Summary.Best.Single().Candidate);
    }

    [Fact]
    public async Task The_best_trial_is_the_best_usable_one_and_is_reported_after_each_trial()
    {
        var observer = new RecordingObserver();
        var (summary, trials) = await RunToEnd(TestExperiments.Spec(StorePath(), trials: 15), observer: observer);

        var best = Assert.Single(summary.Best);
        Assert.Equal(trials.Max(t => t.Metrics["score"]), best.Metrics["score"]);
        Assert.Equal(15, observer.TrialsFinished.Count);
        Assert.Equal(Enumerable.Range(1, 15), observer.TrialsFinished.Select(f => f.Summary.TrialsFinished));
        Assert.All(observer.TrialsFinished, f =>
            Assert.Equal(observer.TrialsFinished.TakeWhile(g => g.Trial != f.Trial).Append(f).Max(g => g.Trial.Metrics["score"]), f.Summary.Best.Single().Metrics["score"]));
        Assert.Single(observer.Started);
        Assert.Equal(15, observer.TrialsStarted.Count);
        Assert.All(observer.TrialsStarted, t => Assert.Equal(TrialState.Running, t.State));
    }

    [Fact]
    public async Task With_several_objectives_the_best_is_the_pareto_front()
    {
        var objectives = new[] { new Objective("score", Direction.Maximize), new Objective("zeros", Direction.Maximize) };
        var (summary, trials) = await RunToEnd(TestExperiments.Spec(StorePath(), trials: 30, objectives: objectives));

        var set = new ObjectiveSet(objectives);
        Assert.True(summary.Best.Count > 1);
        Assert.All(summary.Best, member => Assert.DoesNotContain(trials, t => set.Dominates(t.Metrics, member.Metrics)));
        Assert.All(trials.Where(t => !summary.Best.Any(b => b.Number == t.Number)), t => Assert.Contains(summary.Best, m => set.Dominates(m.Metrics, t.Metrics)));
    }

    [Fact]
    public async Task Evaluations_get_their_work_directory_seed_and_progress()
    {
        var observer = new RecordingObserver();
        var (_, trials) = await RunToEnd(TestExperiments.Spec(StorePath(), trials: 5), observer: observer);

        Assert.All(trials, t => Assert.Equal(TrialState.Completed, t.State));
        Assert.All(trials, t => Assert.True(System.IO.Directory.Exists(Path.Combine(Directory, "store.db.artifacts", "1-bits", $"trial-{t.Number}"))));
        Assert.Equal(Enumerable.Range(0, 5), observer.Progress.Select(p => p.Number).Order());
    }

    [Fact]
    public async Task The_default_fidelity_is_the_highest_unless_the_spec_or_a_proposal_names_one()
    {
        var (_, byDefault) = await RunToEnd(TestExperiments.Spec(StorePath("a.db"), trials: 3));
        var (_, named) = await RunToEnd(TestExperiments.Spec(StorePath("b.db"), trials: 3, fidelity: "quick"));
        var (_, proposed) = await RunToEnd(TestExperiments.Spec(
            StorePath("c.db"), trials: 3, strategy: "test-hill-climb", strategyOptions: new Newtonsoft.Json.Linq.JObject { ["fidelity"] = "quick" }));

        Assert.All(byDefault, t => Assert.Equal("full", t.Fidelity));
        Assert.All(named, t => Assert.Equal("quick", t.Fidelity));
        Assert.All(proposed, t => Assert.Equal("quick", t.Fidelity));
        Assert.All(named, t => Assert.Equal(BitStringEvaluator.Score(BitStringSpace.Bits(t.Candidate)) * 0.1, t.Metrics["score"]));
    }

    [Fact]
    public async Task An_unknown_fidelity_is_a_configuration_error_that_lists_the_known_ones()
    {
        var spec = TestExperiments.Spec(StorePath(), fidelity: "medium");
        using var store = SqliteTrialStore.Open(spec.StorePath);

        var error = await Assert.ThrowsAsync<NasConfigurationException>(() => Runner(spec, store, new BitStringEvaluator()).RunAsync());

        Assert.Contains("'medium'", error.Message);
        Assert.Contains("'quick', 'full'", error.Message);
        Assert.Empty(store.ListExperiments());
    }

    [Fact]
    public async Task A_proposal_at_an_unknown_fidelity_stops_the_run_with_a_configuration_error()
    {
        var spec = TestExperiments.Spec(StorePath(), strategy: "test-hill-climb", strategyOptions: new Newtonsoft.Json.Linq.JObject { ["fidelity"] = "huge" });
        using var store = SqliteTrialStore.Open(spec.StorePath);

        var error = await Assert.ThrowsAsync<NasConfigurationException>(() => Runner(spec, store, new BitStringEvaluator()).RunAsync());

        Assert.Contains("'huge'", error.Message);
        Assert.Contains("test-hill-climb", error.Message);
        Assert.Equal(ExperimentStatus.Failed, store.FindExperiment("bits")!.Status);
    }

    [Fact]
    public async Task Running_an_experiment_the_store_already_holds_points_to_resume()
    {
        var spec = TestExperiments.Spec(StorePath(), trials: 2);
        await RunToEnd(spec);
        using var store = SqliteTrialStore.Open(spec.StorePath);

        var error = await Assert.ThrowsAsync<NasConfigurationException>(() => Runner(spec, store, new BitStringEvaluator()).RunAsync());

        Assert.Contains($"`nas resume {spec.StorePath} --experiment bits`", error.Message);
        Assert.Equal(2, store.GetTrials(store.FindExperiment("bits")!.Id).Count);
    }

    [Fact]
    public async Task The_wall_clock_budget_is_summed_over_sessions()
    {
        var spec = TestExperiments.Spec(StorePath(), trials: null, seconds: 0.4);
        var (summary, trials) = await RunToEnd(spec, new BitStringEvaluator { Delay = TimeSpan.FromMilliseconds(40) });

        Assert.Equal(ExperimentStatus.Completed, summary.Status);
        Assert.InRange(trials.Count, 1, 11);
        Assert.True(Experiment(spec.StorePath).ElapsedSeconds >= 0.4);

        using var store = SqliteTrialStore.Open(spec.StorePath);
        var evaluator = new BitStringEvaluator();
        var resumed = await Runner(spec, store, evaluator).ResumeAsync();
        Assert.Equal(ExperimentStatus.Completed, resumed.Status);
        Assert.Empty(evaluator.Evaluated);
        Assert.Equal(trials.Count, resumed.TrialsFinished);
    }
}
