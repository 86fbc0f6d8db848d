using NasPlatform.Search.Predictors;
using NasPlatform.Search.Results;
using NasPlatform.Search.Torch;
using NasPlatform.Engine.Results;

namespace NasPlatform.Search.Tests.Predictors;

public sealed class MlpEnsembleTests
{
    private static readonly MlpEnsembleOptions Small = new() { EnsembleSize = 3, HiddenWidth = 32, Epochs = 300 };

    [Fact]
    public void Learns_a_linear_function_with_noise_well_enough_to_rank_unseen_rows()
    {
        var (x, y) = SyntheticData.Linear(200, seed: 1);
        var (testX, testY) = SyntheticData.Linear(200, seed: 2);
        using var mlp = new MlpEnsemble(Small);

        mlp.Fit(x, y, seed: 3);
        var prediction = mlp.Predict(testX);

        Assert.True(mlp.IsFitted);
        Assert.Equal(200, prediction.Count);
        var tau = RankCorrelation.KendallTauB(prediction.Mean, testY);
        Assert.True(tau > 0.9, $"Kendall tau {tau:F3} on unseen rows");
    }

    [Fact]
    public void The_same_data_and_seed_give_the_same_predictions_and_another_seed_other_ones()
    {
        var (x, y) = SyntheticData.Linear(60, seed: 4);
        var (testX, _) = SyntheticData.Linear(30, seed: 5);
        using var first = new MlpEnsemble(Small);
        using var second = new MlpEnsemble(Small);
        using var third = new MlpEnsemble(Small);

        first.Fit(x, y, seed: 11);
        second.Fit(x, y, seed: 11);
        third.Fit(x, y, seed: 12);

        var a = first.Predict(testX);
        var b = second.Predict(testX);
        Assert.Equal(a.Mean, b.Mean);
        Assert.Equal(a.Spread, b.Spread);
        Assert.NotEqual(a.Mean, third.Predict(testX).Mean);
    }

    [Fact]
    public void Members_start_from_different_weights_so_the_ensemble_has_a_spread()
    {
        var (x, y) = SyntheticData.Linear(40, seed: 6);
        using var ensemble = new MlpEnsemble(Small);
        using var single = new MlpEnsemble(Small with { EnsembleSize = 1 });

        ensemble.Fit(x, y, seed: 1);
        single.Fit(x, y, seed: 1);

        Assert.All(ensemble.Predict(x).Spread, s => Assert.True(s > 0));
        Assert.All(single.Predict(x).Spread, s => Assert.Equal(0, s));
    }

    [Fact]
    public void Pretraining_on_auxiliary_targets_is_deterministic_and_fitting_starts_from_it()
    {
        var (x, y) = SyntheticData.Linear(300, seed: 7);
        // Auxiliary targets that cost nothing: the sum of the inputs and its square (on very different scales).
        var auxiliary = x.Select(r => new[] { r.Sum(), 1000 * r.Sum() * r.Sum() }).ToArray();
        var (testX, testY) = SyntheticData.Linear(100, seed: 8);
        var options = Small with { PretrainEpochs = 5 };
        using var first = new MlpEnsemble(options);
        using var second = new MlpEnsemble(options);

        first.Pretrain(x, auxiliary, seed: 1);
        second.Pretrain(x, auxiliary, seed: 1);
        first.Fit(x.Take(100).ToArray(), y.Take(100).ToArray(), seed: 2);
        second.Fit(x.Take(100).ToArray(), y.Take(100).ToArray(), seed: 2);

        Assert.True(first.IsPretrained);
        Assert.Equal(first.Predict(testX).Mean, second.Predict(testX).Mean);
        Assert.True(RankCorrelation.KendallTauB(first.Predict(testX).Mean, testY) > 0.85);
    }

    [Fact]
    public void The_ranking_loss_trains_as_well()
    {
        var (x, y) = SyntheticData.Linear(100, seed: 9);
        var (testX, testY) = SyntheticData.Linear(100, seed: 10);
        using var mlp = new MlpEnsemble(Small with { RankingLossWeight = 1.0 });

        mlp.Fit(x, y, seed: 1);

        Assert.True(RankCorrelation.KendallTauB(mlp.Predict(testX).Mean, testY) > 0.85);
    }

    [Fact]
    public void Misuse_is_refused_with_a_clear_message()
    {
        using var mlp = new MlpEnsemble(Small);
        Assert.Contains("call Fit first", Assert.Throws<InvalidOperationException>(() => mlp.Predict([[1.0]])).Message);

        mlp.Fit([[0.0, 1.0], [1.0, 0.0]], [1.0, 2.0], seed: 1);

        Assert.Contains("rows of 2", Assert.Throws<ArgumentException>(() => mlp.Predict([[1.0, 2.0, 3.0]])).Message);
        Assert.Contains("2 rows but 1 targets", Assert.Throws<ArgumentException>(() => mlp.Fit([[0.0], [1.0]], [1.0], seed: 1)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new MlpEnsemble(new MlpEnsembleOptions { EnsembleSize = 0 }));
    }
}
