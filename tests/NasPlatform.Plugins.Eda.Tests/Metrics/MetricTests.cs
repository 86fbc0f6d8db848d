using NasPlatform.Plugins.Eda.Metrics;

namespace NasPlatform.Plugins.Eda.Tests.Metrics;

public sealed class MetricTests
{
    [Fact]
    public void KendallTauCountsConcordantPairs()
    {
        // 10 pairs: 7 concordant, 3 discordant.
        Assert.Equal(0.4, KendallTau.Compute([1, 2, 3, 4, 5], [3, 1, 2, 5, 4]), 12);
    }

    [Fact]
    public void KendallTauBCorrectsForTies()
    {
        // 6 pairs, one tied in x, one tied in y, 4 concordant: 4 / sqrt(5 x 5) (scipy.stats.kendalltau gives 0.8).
        Assert.Equal(0.8, KendallTau.Compute([1, 1, 2, 3], [1, 2, 2, 3]), 12);
        Assert.Equal(-1, KendallTau.Compute([1, 2, 3], [3, 2, 1]), 12);
        Assert.Equal(0, KendallTau.Compute([1, 1, 1], [1, 2, 3]), 12);
    }

    [Fact]
    public void WithinGroupTauAveragesEachConditionsTau()
    {
        // Pooled, one pair of 10 is out of order (tau 0.8); within them, one is
        // ordered right (+1) and one wrong (-1): mean 0. The single-sample group is skipped.
        double[] predicted = [0.1, 0.2, 0.9, 0.8, 0.5];
        double[] truth = [0.1, 0.2, 0.8, 0.9, 0.5];
        string[] groups = ["L3", "L3", "L2", "L2", "L4"];
        Assert.Equal(0.8, KendallTau.Compute(predicted, truth), 12);
        Assert.Equal(0.0, KendallTau.WithinGroups(predicted, truth, groups), 12);
        Assert.Equal(1.0, KendallTau.WithinGroups(predicted, truth, ["a", "a", "b", "c", "d"]), 12);
    }

    [Fact]
    public void PlacementGroupsWhoseLabelsAreAllEqualAreSkippedOnlyWhenAsked()
    {
        // Group "z": four placements that all route without a failed net (nothing to rank); tau-b there is 0.
        double[] predicted = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6];
        double[] truth = [0.1, 0.2, 0, 0, 0, 0];
        string[] groups = ["a", "a", "z", "z", "z", "z"];
        Assert.Equal(0.5, KendallTau.WithinGroups(predicted, truth, groups), 12);
        Assert.Equal(1.0, KendallTau.WithinGroups(predicted, truth, groups, skipTiedTruths: true), 12);
        Assert.Equal(0.0, KendallTau.WithinGroups(predicted, [0, 0, 0, 0, 0, 0], groups, skipTiedTruths: true), 12);
    }

    [Fact]
    public void RocAucIsThePositiveOverNegativeChance()
    {
        // The scikit-learn example: 3 of the 4 positive-negative pairs are ordered right.
        Assert.Equal(0.75, RocAuc.Compute([0.1f, 0.4f, 0.35f, 0.8f], [0, 0, 1, 1]), 12);
        // Ties count half: the 0.5 positive against two 0.5 negatives gives 1, the 0.9 positive 2: 3 / 4.
        Assert.Equal(0.75, RocAuc.Compute([0.5f, 0.5f, 0.5f, 0.9f], [0, 1, 0, 1]), 12);
        Assert.Equal(1.0, RocAuc.Compute([0.1f, 0.9f], [0, 1]), 12);
        Assert.Equal(0.5, RocAuc.Compute([0.1f, 0.9f], [1, 1]), 12);
    }
}
