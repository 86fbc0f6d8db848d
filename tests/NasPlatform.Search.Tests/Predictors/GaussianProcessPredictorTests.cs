using NasPlatform.Search.Predictors;
using NasPlatform.Search.Results;
using NasPlatform.Engine.Results;

namespace NasPlatform.Search.Tests.Predictors;

public sealed class GaussianProcessPredictorTests
{
    [Fact]
    public void Learns_a_linear_function_with_noise_well_enough_to_rank_unseen_rows()
    {
        var (x, y) = SyntheticData.Linear(150, seed: 1);
        var (testX, testY) = SyntheticData.Linear(200, seed: 2);
        var gp = new GaussianProcessPredictor();

        gp.Fit(x, y, seed: 0);

        var tau = RankCorrelation.KendallTauB(gp.Predict(testX).Mean, testY);
        Assert.True(tau > 0.9, $"Kendall tau {tau:F3} on unseen rows");
    }

    [Fact]
    public void It_is_surer_near_its_data_than_far_from_it()
    {
        var (x, y) = SyntheticData.Linear(50, seed: 3);
        var gp = new GaussianProcessPredictor();
        gp.Fit(x, y, seed: 0);

        var near = gp.Predict([x[0]]).Spread[0];
        var far = gp.Predict([x[0].Select(v => v + 5).ToArray()]).Spread[0];

        Assert.True(near < far, $"spread {near} at a training row, {far} far away");
    }

    [Fact]
    public void A_fit_has_no_random_choice()
    {
        var (x, y) = SyntheticData.Linear(40, seed: 4);
        var first = new GaussianProcessPredictor();
        var second = new GaussianProcessPredictor();

        first.Fit(x, y, seed: 1);
        second.Fit(x, y, seed: 2);

        Assert.Equal(first.Predict(x).Mean, second.Predict(x).Mean);
    }
}
