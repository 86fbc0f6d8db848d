
using NasPlatform.Workflows.Benchmarks;
namespace NasPlatform.Workflows.Tests.Benchmarks;

public sealed class ExpectedMaximumTests
{
    [Fact]
    public void Two_draws_from_three_values_by_hand()
    {
        // P(max = 1) = 1/9, P(max = 2) = 4/9 − 1/9 = 3/9, P(max = 3) = 1 − 4/9 = 5/9: E = (1 + 6 + 15) / 9.
        Assert.Equal(22.0 / 9.0, ExpectedMaximum.OfUniformDraws([3, 1, 2], 2), precision: 12);
        // min: P(min = 3) = 1/9, P(min = 2) = 3/9, P(min = 1) = 5/9: E = (3 + 6 + 5) / 9.
        Assert.Equal(14.0 / 9.0, ExpectedMaximum.MinimumOfUniformDraws([3, 1, 2], 2), precision: 12);
    }

    [Fact]
    public void One_draw_is_the_mean_and_many_draws_approach_the_maximum()
    {
        double[] values = [5, 1, 7, 7, 2];

        Assert.Equal(values.Average(), ExpectedMaximum.OfUniformDraws(values, 1), precision: 12);
        Assert.Equal(7.0, ExpectedMaximum.OfUniformDraws(values, 500), precision: 9);
    }
}
