using NasPlatform.Plugins.Eda.Spaces;
using NasPlatform.Plugins.Eda.Training;

namespace NasPlatform.Plugins.Eda.Tests.Training;

public sealed class RoutabilityTrainerTests : IDisposable
{
    private readonly string _root = SyntheticDataset.Write(Path.Combine(Path.GetTempPath(), "nas-eda-syn-" + Guid.NewGuid().ToString("N")));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static RoutabilityNet Small => new(
        [new EncoderStage(8, 3, 1, 1, "max", "concat"), new EncoderStage(16, 3, 1, 1, "avg", "add")],
        "nearest",
        3,
        new TrainingRecipe(5e-3, 0, 30, 8, 1.0));

    [Fact]
    public void SplitsByDesignAndLearnsThePlantedSignal()
    {
        NasPlatform.Torch.TorchThreads.UseHostDefault();
        var data = RoutabilityData.Load(_root, ["syn1"], [], 1, 0);
        Assert.Equal(["syn1"], RoutabilityData.Designs(data.Validation));
        Assert.Single(RoutabilityData.Designs(data.Test));
        Assert.Empty(RoutabilityData.Designs(data.Train).Intersect(RoutabilityData.Designs(data.Test).Concat(RoutabilityData.Designs(data.Validation))));
        Assert.Equal(24, data.Train.Count);

        var result = RoutabilityTrainer.TrainAndScore(Small, data, 1, 1, 0, null, CancellationToken.None);

        Assert.True(result.Test.KendallTau > 0.5, $"test tau {result.Test.KendallTau}");
        Assert.True(result.Test.RocAuc > 0.8, $"test AUC {result.Test.RocAuc}");
        Assert.Equal(8, result.Test.Samples);
    }

    [Fact]
    public void ASeedReproducesTheScores()
    {
        NasPlatform.Torch.TorchThreads.UseHostDefault();
        var data = RoutabilityData.Load(_root, [], [], 1, 0);
        var net = Small with { Recipe = Small.Recipe with { Epochs = 3 } };
        var a = RoutabilityTrainer.TrainAndScore(net, data, 1, 0.5, 7, null, CancellationToken.None);
        var b = RoutabilityTrainer.TrainAndScore(net, data, 1, 0.5, 7, null, CancellationToken.None);
        var c = RoutabilityTrainer.TrainAndScore(net, data, 1, 0.5, 8, null, CancellationToken.None);
        Assert.Equal((a.Test, a.Validation, a.FinalLoss), (b.Test, b.Validation, b.FinalLoss));
        Assert.NotEqual(a.FinalLoss, c.FinalLoss);
        Assert.Equal(12, a.TrainSamples);
    }

    [Fact]
    public void UnknownDesignInTheSplitIsNamed()
    {
        var e = Assert.Throws<ArgumentException>(() => RoutabilityData.Load(_root, ["mul99"], [], 1, 0));
        Assert.Contains("Design 'mul99' is not in", e.Message, StringComparison.Ordinal);
    }
}
