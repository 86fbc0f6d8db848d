using NasPlatform.Abstractions.Objectives;
using NasPlatform.Search.Pruners;

namespace NasPlatform.Search.Tests.Pruners;

public sealed class MedianPrunerTests
{
    // Three completed trials whose values at step 2 are 0.4, 0.6 and 0.8: the median is 0.6.
    private static readonly TrialHistory[] Completed =
    [
        History(true, (1, 0.3), (2, 0.4)),
        History(true, (1, 0.5), (2, 0.6)),
        History(true, (1, 0.7), (2, 0.8)),
    ];

    [Fact]
    public void Maximizing_prunes_a_trial_below_the_median_at_its_step_and_keeps_one_above()
    {
        var pruner = new MedianPruner(Direction.Maximize, startupTrials: 3);

        var below = pruner.Judge(2, Values((1, 0.2), (2, 0.5)), Completed);
        var above = pruner.Judge(2, Values((1, 0.2), (2, 0.7)), Completed);

        Assert.NotNull(below);
        Assert.Equal(0.6, below.Threshold, 12);
        Assert.Equal(0.5, below.Value, 12);
        Assert.Contains("below the median 0.6", below.Reason);
        Assert.Null(above);
    }

    [Fact]
    public void Minimizing_prunes_a_trial_above_the_median()
    {
        var pruner = new MedianPruner(Direction.Minimize, startupTrials: 3);

        Assert.NotNull(pruner.Judge(2, Values((2, 0.7)), Completed));
        Assert.Null(pruner.Judge(2, Values((2, 0.5)), Completed));
    }

    [Fact]
    public void The_trial_is_judged_by_its_best_value_so_far()
    {
        var pruner = new MedianPruner(Direction.Maximize, startupTrials: 3);

        // 0.65 at step 1 beats the step-2 median of 0.6, though the step-2 value does not.
        Assert.Null(pruner.Judge(2, Values((1, 0.65), (2, 0.5)), Completed));
    }

    [Fact]
    public void Nothing_is_pruned_before_enough_trials_completed()
    {
        var pruner = new MedianPruner(Direction.Maximize, startupTrials: 4);
        var running = History(false, (2, 0.9));

        Assert.Null(pruner.Judge(2, Values((2, 0.1)), [.. Completed, running]));
        Assert.NotNull(pruner.Judge(2, Values((2, 0.1)), [.. Completed, History(true, (2, 0.9))]));
    }

    [Fact]
    public void Pruned_and_running_trials_do_not_move_the_median()
    {
        var pruner = new MedianPruner(Direction.Maximize, startupTrials: 3);
        var poor = Enumerable.Range(0, 5).Select(_ => History(false, (2, 0.0))).ToArray();

        // With the five poor (pruned or running) trials counted the median would be 0; it stays 0.6.
        Assert.NotNull(pruner.Judge(2, Values((2, 0.5)), [.. Completed, .. poor]));
    }

    [Fact]
    public void Steps_before_the_warm_up_are_never_judged()
    {
        var pruner = new MedianPruner(Direction.Maximize, startupTrials: 3, warmupSteps: 2);

        Assert.Null(pruner.Judge(1, Values((1, 0.0)), Completed));
        Assert.NotNull(pruner.Judge(2, Values((1, 0.0), (2, 0.0)), Completed));
    }

    [Fact]
    public void Only_every_interval_th_step_from_the_warm_up_is_judged()
    {
        var completed = new[] { History(true, (1, 1.0), (2, 1.0), (3, 1.0), (4, 1.0), (5, 1.0)) };
        var pruner = new MedianPruner(Direction.Maximize, startupTrials: 1, warmupSteps: 1, interval: 2);

        var judged = Enumerable.Range(1, 5).Where(step => pruner.Judge(step, Values((step, 0.0)), completed) is not null).ToList();

        Assert.Equal([1, 3, 5], judged);
    }

    [Fact]
    public void A_step_no_completed_trial_reached_is_not_judged()
    {
        var pruner = new MedianPruner(Direction.Maximize, startupTrials: 3);

        Assert.Null(pruner.Judge(9, Values((9, 0.0)), Completed));
    }

    [Fact]
    public void The_median_of_an_even_count_is_the_mean_of_the_middle_two()
    {
        Assert.Equal(0.5, MedianPruner.Median([0.8, 0.4, 0.6, 0.2]), 12);
        Assert.Equal(0.6, MedianPruner.Median([0.8, 0.4, 0.6]), 12);
    }

    private static TrialHistory History(bool completed, params (int Step, double Value)[] values) => new(Values(values), completed);

    private static Dictionary<int, double> Values(params (int Step, double Value)[] values) => values.ToDictionary(v => v.Step, v => v.Value);
}
