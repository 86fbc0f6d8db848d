using NasPlatform.Abstractions.Options;
using NasPlatform.Abstractions.Search;
using NasPlatform.Engine.Storage;
using NasPlatform.Engine.Tests.Running.TestDomain;
using NasPlatform.Testing.Domains;

namespace NasPlatform.Engine.Tests.Running;

/// <summary>
/// Strategies that run one trial at a time (<see cref="ISearchStrategy.AwaitsOutcome"/>) and end the experiment
/// themselves (<see cref="ISearchStrategy.IsFinished"/>), as ADAPT-VQE does.
/// </summary>
public sealed class SequentialStrategyTests : RunnerFixture
{
    [Fact]
    public async Task A_sequential_strategy_gets_one_trial_at_a_time_and_ends_the_run_when_finished()
    {
        var spec = TestExperiments.Spec(StorePath(), trials: 20, workers: 3);
        var factory = new SequentialFactory(steps: 4);
        var evaluator = new BitStringEvaluator { Delay = TimeSpan.FromMilliseconds(20) };
        using var store = SqliteTrialStore.Open(spec.StorePath);

        var summary = await Runner(spec, store, evaluator, factory).RunAsync();

        Assert.Equal(ExperimentStatus.Completed, summary.Status);
        var trials = store.GetTrials(summary.ExperimentId).OrderBy(t => t.Number).ToList();
        // Four steps, not the 20 the budget allows, and each proposed after the previous was told.
        Assert.Equal(4, trials.Count);
        Assert.Equal([0L, 1, 2, 3], trials.Select(t => t.ToldBefore));
        Assert.Equal(1, evaluator.PeakConcurrency);
    }

    [Fact]
    public async Task A_resumed_sequential_strategy_replays_its_trials_and_goes_on()
    {
        var spec = TestExperiments.Spec(StorePath(), trials: 2, workers: 2);
        var factory = new SequentialFactory(steps: 5);
        var first = new BitStringEvaluator();
        using (var store = SqliteTrialStore.Open(spec.StorePath))
        {
            await Runner(spec, store, first, factory).RunAsync();
        }

        // The budget allows more now: the resume replays two stored trials and runs the other three steps only.
        var more = spec with { Budget = spec.Budget with { Trials = 20 } };
        var second = new BitStringEvaluator();
        using (var store = SqliteTrialStore.Open(spec.StorePath))
        {
            var resumed = await Runner(more, store, second, factory).ResumeAsync();
            Assert.Equal(ExperimentStatus.Completed, resumed.Status);
            Assert.Equal(5, store.GetTrials(resumed.ExperimentId).Count);
        }

        Assert.Equal(2, first.Evaluated.Count);
        Assert.Equal(3, second.Evaluated.Count);
        Assert.Empty(first.Evaluated.Intersect(second.Evaluated));
    }

    /// <summary>Proposes "1", "11", "111", … one at a time, each only after the previous was told; finished after <c>steps</c>.</summary>
    private sealed class SequentialFactory(int steps) : SearchStrategyFactory<NoOptions>
    {
        public override string Name => "test-sequential";

        public override string Description => "one trial at a time";

        public override ISearchStrategy Create(NoOptions options, StrategyContext context) => new Strategy(steps);

        private sealed class Strategy(int steps) : ISearchStrategy
        {
            private int _told;
            private bool _pending;

            public bool IsFinished => _told >= steps;

            public bool AwaitsOutcome => _pending;

            public TrialProposal Ask(Random rng)
            {
                Assert.False(_pending, "asked while its trial was running");
                _pending = true;
                return new TrialProposal(BitStringSpace.Make(new string('1', _told + 1).PadRight(8, '0')));
            }

            public void Tell(TrialOutcome outcome)
            {
                _pending = false;
                _told++;
            }
        }
    }
}
