using NasPlatform.Search.Results;
using NasPlatform.Engine.Results;

namespace NasPlatform.Search.Tests.Results;

/// <summary>Rank correlations against hand-worked values and scipy 1.10.1 references (as used by the predictors).</summary>
public sealed class RankCorrelationReferenceTests
{
    [Fact]
    public void Kendall_tau_b_and_Spearman_rho_match_values_worked_out_by_hand()
    {
        // x strictly increasing; y = 5 6 7 8 7. Of the 10 pairs, 8 are concordant, 1 discordant
        // (8 > 7), 1 tied in y (7, 7): tau-b = (8 − 1) / √(10 · (10 − 1)) = 7 / √90.
        double[] x = [1, 2, 3, 4, 5];
        double[] y = [5, 6, 7, 8, 7];

        Assert.Equal(7 / Math.Sqrt(90), RankCorrelation.KendallTauB(x, y), precision: 12);
        // Ranks of y: 1 2 3.5 5 3.5; against 1..5: Σdxdy = 8, Σdx² = 10, Σdy² = 9.5, rho = 8 / √95.
        Assert.Equal([1, 2, 3.5, 5, 3.5], RankCorrelation.AverageRanks(y));
        Assert.Equal(8 / Math.Sqrt(95), RankCorrelation.Spearman(x, y), precision: 12);
    }

    [Fact]
    public void Perfect_agreement_and_perfect_reversal_give_one_and_minus_one()
    {
        double[] x = [0.1, 0.4, 0.2, 0.9];

        Assert.Equal(1.0, RankCorrelation.KendallTauB(x, x.Select(v => (3 * v) + 1).ToArray()), precision: 12);
        Assert.Equal(-1.0, RankCorrelation.KendallTauB(x, x.Select(v => -v).ToArray()), precision: 12);
        Assert.Equal(1.0, RankCorrelation.Spearman(x, x.Select(Math.Exp).ToArray()), precision: 12);
        Assert.Equal(-1.0, RankCorrelation.Spearman(x, x.Select(v => -v * v * v).ToArray()), precision: 12);
    }

    [Theory]
    // Reference values from scipy 1.10.1 (scipy.stats.kendalltau, variant 'b'; scipy.stats.spearmanr), computed offline.
    [InlineData(new[] { 12.0, 2, 1, 12, 2 }, new[] { 1.0, 4, 7, 1, 0 }, -0.47140452079103173, -0.5407380704358752)]
    [InlineData(new[] { 3.1, -0.5, 2.2, 9.0, 4.4, 4.4, 0.0, 7.5 }, new[] { 2.0, 1.0, 2.0, 8.5, 3.3, 5.0, -1.0, 6.0 }, 0.8888888888888888, 0.963855421686747)]
    public void Ties_in_both_samples_are_handled_as_scipy_does(double[] x, double[] y, double tau, double rho)
    {
        Assert.Equal(tau, RankCorrelation.KendallTauB(x, y), precision: 12);
        Assert.Equal(rho, RankCorrelation.Spearman(x, y), precision: 12);
    }

    [Fact]
    public void A_constant_sample_or_a_single_pair_has_no_correlation()
    {
        Assert.True(double.IsNaN(RankCorrelation.KendallTauB([1, 1, 1], [1, 2, 3])));
        Assert.True(double.IsNaN(RankCorrelation.Spearman([1, 2, 3], [4, 4, 4])));
        Assert.True(double.IsNaN(RankCorrelation.KendallTauB([1], [2])));
    }

    [Fact]
    public void Samples_of_different_lengths_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => RankCorrelation.KendallTauB([1, 2], [1, 2, 3]));

        Assert.Contains("got 2 and 3", error.Message);
    }
}
