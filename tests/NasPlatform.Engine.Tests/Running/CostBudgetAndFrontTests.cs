using NasPlatform.Engine.Tests.Running.TestDomain;
using NasPlatform.Abstractions;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Objectives;
using NasPlatform.Abstractions.Options;
using NasPlatform.Abstractions.Search;
using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Storage;
using NasPlatform.Testing.Domains;

namespace NasPlatform.Engine.Tests.Running;

public sealed class CostBudgetAndFrontTests : RunnerFixture
{
    private static readonly IReadOnlyList<Objective> ScoreAndOnes = [new("score", Direction.Maximize), new("ones", Direction.Minimize)];

    [Theory]
    [InlineData(null, 10.0, 10)] // "full" costs 1: ten trials
    [InlineData("quick", 1.0, 10)] // "quick" costs 0.1: ten trials, the sum 0.1 * 10 rounding to 1
    [InlineData(null, 2.5, 2)] // a budget between two trials: never exceeded
    public async Task A_cost_budget_ends_exact_or_below(string? fidelity, double budget, int expectedTrials)
    {
        var spec = TestExperiments.Spec(StorePath(), trials: null, fidelity: fidelity, strategy: "test-hill-climb") with
        {
            Budget = new BudgetSpec(null, null, Cost: budget),
        };
        var evaluator = new BitStringEvaluator();

        var (summary, trials) = await RunToEnd(spec, evaluator, length: 12);

        Assert.Equal(ExperimentStatus.Completed, summary.Status);
        Assert.Equal(expectedTrials, trials.Count);
        Assert.Equal(expectedTrials, evaluator.Evaluated.Count);
        Assert.InRange(summary.CostSpent, 0, budget + 1e-9);
        Assert.Equal(expectedTrials * (fidelity == "quick" ? 0.1 : 1.0), summary.CostSpent, 9);
        Assert.Equal(budget, summary.CostBudget);
    }

    [Fact]
    public async Task A_cost_budget_counts_the_cost_of_earlier_sessions_and_ends_exact_after_a_resume()
    {
        var spec = TestExperiments.Spec(StorePath(), trials: null, strategy: "test-hill-climb", fidelity: "quick") with
        {
            Budget = new BudgetSpec(null, null, Cost: 2.0),
        };
        using (var cancellation = new CancellationTokenSource())
        using (var store = SqliteTrialStore.Open(spec.StorePath))
        {
            var observer = new RecordingObserver { OnTrialStarted = t => { if (t.Number == 7) { cancellation.Cancel(); } } };
            var interrupted = await Runner(spec, store, new BitStringEvaluator { Delay = TimeSpan.FromMilliseconds(20) }, observer: observer, length: 12)
                .RunAsync(cancellation.Token);
            Assert.Equal(ExperimentStatus.Interrupted, interrupted.Status);
            Assert.Equal(0.7, interrupted.CostSpent, 9);
        }

        using (var store = SqliteTrialStore.Open(spec.StorePath))
        {
            var evaluator = new BitStringEvaluator();
            var resumed = await Runner(spec, store, evaluator, length: 12).ResumeAsync();

            Assert.Equal(ExperimentStatus.Completed, resumed.Status);
            Assert.Equal(20, store.GetTrials(resumed.ExperimentId).Count);
            Assert.Equal(13, evaluator.Evaluated.Count);
            Assert.Equal(2.0, resumed.CostSpent, 9);
        }
    }

    [Fact]
    public async Task A_cost_budget_needs_every_fidelity_to_cost_something()
    {
        var spec = TestExperiments.Spec(StorePath()) with { Budget = new BudgetSpec(null, null, Cost: 3) };
        using var store = SqliteTrialStore.Open(spec.StorePath);
        var evaluator = new FreeFidelityEvaluator();

        var error = await Assert.ThrowsAsync<NasConfigurationException>(() =>
            new Engine.Running.ExperimentRunner(spec, new Engine.Experiments.ExperimentComponents(new BitStringSpace(8), evaluator, new RandomSamplingFactory()), store).RunAsync());

        Assert.Contains("'free'", error.Message);
        Assert.Contains("cost", error.Message);
    }

    [Fact]
    public async Task An_objective_may_name_a_free_statistic_and_the_trial_metrics_carry_it()
    {
        var spec = TestExperiments.Spec(StorePath(), trials: 12, objectives: ScoreAndOnes);

        var (summary, trials) = await RunToEnd(spec);

        Assert.All(trials, t => Assert.Equal(t.FreeStatistics["ones"], t.Metrics["ones"]));
        Assert.All(trials, t => Assert.Equal(TrialState.Completed, t.State));
        Assert.NotEmpty(summary.Best);
        // The front trades score against ones: no member dominates another.
        Assert.All(summary.Best, a => Assert.DoesNotContain(summary.Best, b => b.Metrics["score"] >= a.Metrics["score"] && b.Metrics["ones"] < a.Metrics["ones"]));
    }

    [Fact]
    public async Task A_metric_the_evaluator_returns_wins_over_a_free_statistic_of_the_same_name()
    {
        // "zeros" is a metric; a free statistic named "zeros" would not replace it. Here "ones" is only free, "zeros" only a metric.
        var spec = TestExperiments.Spec(StorePath(), trials: 5, objectives: [new("zeros", Direction.Minimize), new("ones", Direction.Minimize)]);

        var (_, trials) = await RunToEnd(spec);

        Assert.All(trials, t => Assert.Equal(8 - t.FreeStatistics["ones"], t.Metrics["zeros"]));
        Assert.All(trials, t => Assert.Equal(3, t.Metrics.Count));
    }

    [Fact]
    public async Task The_store_records_the_hypervolume_after_every_finished_trial_and_fills_gaps_on_resume()
    {
        var spec = TestExperiments.Spec(StorePath(), trials: 15, objectives: ScoreAndOnes) with
        {
            ObjectiveReferences = new Dictionary<string, double> { ["score"] = 0, ["ones"] = 9 },
        };

        var (summary, trials) = await RunToEnd(spec);

        using var store = SqliteTrialStore.OpenExisting(spec.StorePath);
        var history = store.GetFrontHistory(summary.ExperimentId);
        Assert.Equal(trials.Select(t => t.TellSequence!.Value).Order(), history.Select(p => p.TellSequence));
        Assert.All(history.Zip(history.Skip(1)), pair => Assert.True(pair.Second.Hypervolume >= pair.First.Hypervolume));
        Assert.All(history, p => Assert.False(p.DerivedReference));
        Assert.Equal(9, history[^1].Reference["ones"]);
        Assert.Equal(summary.Hypervolume!.Value, history[^1].Hypervolume);
        Assert.Equal(summary.Best.Count, history[^1].FrontSize);
        Assert.Equal(["quick", "full"], store.GetFidelities(summary.ExperimentId).Select(f => f.Name));
        Assert.Equal(0.1, store.GetFidelities(summary.ExperimentId)[0].Cost);
    }

    [Fact]
    public async Task A_resume_records_front_points_missing_after_a_kill()
    {
        var spec = TestExperiments.Spec(StorePath(), trials: 8, objectives: ScoreAndOnes);
        var (summary, _) = await RunToEnd(spec);
        using (var store = SqliteTrialStore.OpenExisting(spec.StorePath))
        {
            var full = store.GetFrontHistory(summary.ExperimentId);
            using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={spec.StorePath};Pooling=false");
            connection.Open();
            using var delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM front_history WHERE tell_seq >= 5";
            delete.ExecuteNonQuery();
            Assert.Equal(5, store.GetFrontHistory(summary.ExperimentId).Count);

            await Runner(spec, store, new BitStringEvaluator()).ResumeAsync();

            Assert.Equal(full, store.GetFrontHistory(summary.ExperimentId), new FrontPointComparer());
        }
    }

    [Fact]
    public async Task The_best_trial_is_taken_from_the_highest_fidelity_with_a_result()
    {
        // Quick scores are a tenth of full ones; the strategy asks for "quick" until trial 6, then "full".
        var spec = TestExperiments.Spec(StorePath(), trials: 9, strategy: "test-switch");
        using var store = SqliteTrialStore.Open(spec.StorePath);
        var observer = new RecordingObserver();
        var summary = await Runner(spec, store, new BitStringEvaluator(), new SwitchingFidelityFactory(6), observer, length: 8).RunAsync();

        var trials = store.GetTrials(summary.ExperimentId);
        Assert.Equal("full", summary.BestFidelity);
        Assert.Equal("full", summary.Best.Single().Fidelity);
        Assert.Equal(trials.Where(t => t.Fidelity == "full").MaxBy(t => t.Metrics["score"])!.Number, summary.Best.Single().Number);
        // While only quick results existed, the best was a quick one.
        Assert.Equal("quick", observer.TrialsFinished[5].Summary.BestFidelity);
        Assert.Equal(
            Engine.Results.BestTrials.Of(trials, new ObjectiveSet([new Objective("score", Direction.Maximize)]), ["quick", "full"]).Single().Number,
            summary.Best.Single().Number);
    }

    [Fact]
    public async Task The_run_summary_agrees_with_the_standing_read_back_from_the_store()
    {
        // Six quick trials (0.1 each), then full ones (1 each) until the cost budget stops the run.
        var spec = TestExperiments.Spec(StorePath(), trials: null, strategy: "test-switch", objectives: ScoreAndOnes) with
        {
            Budget = new BudgetSpec(null, null, Cost: 3.0),
        };
        using var store = SqliteTrialStore.Open(spec.StorePath);
        var summary = await Runner(spec, store, new BitStringEvaluator(), new SwitchingFidelityFactory(6), length: 8).RunAsync();

        var stored = Engine.Results.ExperimentStanding.Of(store.GetTrials(summary.ExperimentId), spec, store.GetFidelities(summary.ExperimentId));
        var again = Engine.Running.RunSummary.Of(store.FindExperiment(spec.Name)!, summary.Status, stored, summary.ElapsedSeconds, summary.RejectedCandidates);

        Assert.Equal(2.6, summary.CostSpent, 9);
        Assert.Equal(summary with { Best = again.Best, Hypervolume = again.Hypervolume }, again);
        Assert.Equal(summary.Best.Select(t => t.Number), again.Best.Select(t => t.Number));
        Assert.Equal("full", again.BestFidelity);
        Assert.Equal(summary.Hypervolume!.Value, again.Hypervolume!.Value);
        Assert.Equal(summary.Hypervolume.FrontSize, again.Hypervolume.FrontSize);
    }

    private sealed class FrontPointComparer : IEqualityComparer<FrontPoint>
    {
        public bool Equals(FrontPoint? x, FrontPoint? y) =>
            x!.TellSequence == y!.TellSequence && x.TrialNumber == y.TrialNumber && x.FrontSize == y.FrontSize
            && x.Hypervolume.Equals(y.Hypervolume) && x.DerivedReference == y.DerivedReference
            && x.Reference.OrderBy(r => r.Key).SequenceEqual(y.Reference.OrderBy(r => r.Key));

        public int GetHashCode(FrontPoint obj) => obj.TellSequence.GetHashCode();
    }

    /// <summary>Samples at "quick" for the first trials, then at "full".</summary>
    private sealed class SwitchingFidelityFactory(int quickTrials) : SearchStrategyFactory<NoOptions>
    {
        public override string Name => "test-switch";

        public override string Description => "quick, then full";

        public override ISearchStrategy Create(NoOptions options, StrategyContext context) => new Strategy(context, quickTrials);

        private sealed class Strategy(StrategyContext context, int quickTrials) : ISearchStrategy
        {
            private int _asked;

            public TrialProposal Ask(Random rng) => new(context.Space.Sample(rng), _asked++ < quickTrials ? "quick" : "full");

            public void Tell(TrialOutcome outcome)
            {
            }
        }
    }

    private sealed class FreeFidelityEvaluator : NasPlatform.Abstractions.Evaluation.IEvaluator
    {
        public IReadOnlyList<NasPlatform.Abstractions.Evaluation.Fidelity> Fidelities { get; } = [new("free", 0), new("full", 1)];

        public Task<NasPlatform.Abstractions.Evaluation.EvaluationResult> EvaluateAsync(
            NasPlatform.Abstractions.Evaluation.EvaluationRequest request,
            IProgress<NasPlatform.Abstractions.Evaluation.EvaluationProgress> progress,
            CancellationToken cancellationToken) =>
            Task.FromResult(new NasPlatform.Abstractions.Evaluation.EvaluationResult(new Dictionary<string, double> { ["score"] = 1 }));
    }
}
