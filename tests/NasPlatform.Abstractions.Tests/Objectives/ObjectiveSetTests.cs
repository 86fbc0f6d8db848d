using NasPlatform.Abstractions.Objectives;

namespace NasPlatform.Abstractions.Tests.Objectives;

public sealed class ObjectiveSetTests
{
    private static readonly ObjectiveSet AccuracyAndParams = new(
    [
        new Objective("accuracy", Direction.Maximize),
        new Objective("params", Direction.Minimize),
    ]);

    private static Dictionary<string, double> M(double accuracy, double parameters) =>
        new() { ["accuracy"] = accuracy, ["params"] = parameters };

    [Fact]
    public void Requires_an_objective()
    {
        Assert.Throws<ArgumentException>(() => new ObjectiveSet([]));
    }

    [Fact]
    public void Utility_turns_minimized_metrics_around()
    {
        Assert.Equal([0.9, -1000.0], AccuracyAndParams.Utilities(M(0.9, 1000)));
        Assert.True(new Objective("loss", Direction.Minimize).IsBetter(0.1, 0.2));
        Assert.True(new Objective("acc", Direction.Maximize).IsBetter(0.2, 0.1));
    }

    [Fact]
    public void Dominates_when_no_worse_anywhere_and_better_somewhere()
    {
        Assert.True(AccuracyAndParams.Dominates(M(0.9, 100), M(0.8, 200)));
        Assert.True(AccuracyAndParams.Dominates(M(0.9, 100), M(0.9, 200)));
        Assert.False(AccuracyAndParams.Dominates(M(0.8, 200), M(0.9, 100)));
    }

    [Fact]
    public void Equal_results_and_trade_offs_do_not_dominate()
    {
        Assert.False(AccuracyAndParams.Dominates(M(0.9, 100), M(0.9, 100)));
        Assert.False(AccuracyAndParams.Dominates(M(0.9, 200), M(0.8, 100)));
        Assert.False(AccuracyAndParams.Dominates(M(0.8, 100), M(0.9, 200)));
    }

    [Fact]
    public void Compare_uses_dominance_then_the_primary_objective()
    {
        Assert.Equal(1, AccuracyAndParams.Compare(M(0.9, 100), M(0.8, 200)));
        Assert.Equal(-1, AccuracyAndParams.Compare(M(0.8, 200), M(0.9, 100)));

        // A trade-off: neither dominates, so the primary objective (accuracy) decides.
        Assert.True(AccuracyAndParams.Compare(M(0.9, 200), M(0.8, 100)) > 0);
        Assert.True(AccuracyAndParams.Compare(M(0.8, 100), M(0.9, 200)) < 0);
        Assert.Equal(0, AccuracyAndParams.Compare(M(0.9, 100), M(0.9, 100)));
    }

    [Fact]
    public void Single_minimized_objective_prefers_smaller_values()
    {
        var energy = new ObjectiveSet([new Objective("energy", Direction.Minimize)]);
        var low = new Dictionary<string, double> { ["energy"] = -12.5 };
        var high = new Dictionary<string, double> { ["energy"] = -3.0 };

        Assert.False(energy.IsMultiObjective);
        Assert.Equal("energy", energy.Primary.Metric);
        Assert.True(energy.Dominates(low, high));
        Assert.True(energy.Compare(low, high) > 0);
        Assert.True(energy.Compare(high, low) < 0);
    }

    [Fact]
    public void Missing_metric_is_NaN_and_never_dominates()
    {
        var missing = new Dictionary<string, double> { ["accuracy"] = 0.99 };

        Assert.True(double.IsNaN(AccuracyAndParams.Utilities(missing)[1]));
        Assert.False(AccuracyAndParams.Dominates(missing, M(0.5, 100)));
        Assert.False(AccuracyAndParams.Dominates(M(0.999, 100), missing));
    }
}
