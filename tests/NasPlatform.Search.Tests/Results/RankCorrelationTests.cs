using NasPlatform.Search.Results;
using NasPlatform.Engine.Results;

namespace NasPlatform.Search.Tests.Results;

public sealed class RankCorrelationTests
{
    [Fact]
    public void Kendall_and_Spearman_match_hand_computed_values_without_ties()
    {
        // Pairs: 6 concordant, 4 discordant of 10 -> tau = 0.2; rank differences -2,-2,2,2,0 -> rho = 1 - 6*16/(5*24) = 0.2.
        double[] x = [1, 2, 3, 4, 5];
        double[] y = [3, 4, 1, 2, 5];

        Assert.Equal(0.2, RankCorrelation.KendallTauB(x, y), 12);
        Assert.Equal(0.2, RankCorrelation.Spearman(x, y), 12);
    }

    [Fact]
    public void Tau_b_and_Spearman_handle_ties_as_hand_computed()
    {
        // 6 pairs: 3 concordant, 1 discordant, 1 tied in x, 1 tied in y -> tau-b = 2 / sqrt(5 * 5) = 0.4.
        // Average ranks x = 1, 2.5, 2.5, 4 and y = 1, 4, 2.5, 2.5 -> Pearson = 2.25 / 4.5 = 0.5.
        double[] x = [1, 2, 2, 3];
        double[] y = [1, 3, 2, 2];

        Assert.Equal(0.4, RankCorrelation.KendallTauB(x, y), 12);
        Assert.Equal(0.5, RankCorrelation.Spearman(x, y), 12);
        Assert.Equal([1, 2.5, 2.5, 4], RankCorrelation.AverageRanks(x));
    }

    [Fact]
    public void Identical_orders_give_one_and_reversed_orders_minus_one()
    {
        double[] x = [0.1, 0.5, 0.2, 0.9];
        double[] scaled = [10, 50, 20, 90];
        double[] reversed = [-1, -5, -2, -9];

        Assert.Equal(1, RankCorrelation.KendallTauB(x, scaled), 12);
        Assert.Equal(1, RankCorrelation.Spearman(x, scaled), 12);
        Assert.Equal(-1, RankCorrelation.KendallTauB(x, reversed), 12);
        Assert.Equal(-1, RankCorrelation.Spearman(x, reversed), 12);
    }

    [Fact]
    public void Undefined_correlations_are_NaN_and_unpaired_input_is_refused()
    {
        Assert.True(double.IsNaN(RankCorrelation.KendallTauB([1.0], [2.0])));
        Assert.True(double.IsNaN(RankCorrelation.KendallTauB([1.0, 2, 3], [4.0, 4, 4])));
        Assert.True(double.IsNaN(RankCorrelation.Spearman([1.0, 2, 3], [4.0, 4, 4])));
        Assert.Throws<ArgumentException>(() => RankCorrelation.KendallTauB([1.0, 2], [1.0]));
        Assert.Throws<ArgumentException>(() => RankCorrelation.Spearman([1.0, double.NaN], [1.0, 2]));
    }
}
