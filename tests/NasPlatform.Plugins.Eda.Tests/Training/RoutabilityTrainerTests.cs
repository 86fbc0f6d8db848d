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
    public void MirroringMovesEveryChannelAndTheHotspotMapTogether()
    {
        const int grid = 4, channels = 2;
        var features = Enumerable.Range(0, channels * grid * grid).Select(i => (float)i).ToArray();
        var hotspot = Enumerable.Range(0, grid * grid).Select(i => (float)(100 + i)).ToArray();
        var sample = new RoutabilitySample("s", "d", features, hotspot, 0.25, "L3 b0");

        var leftRight = RoutabilityTrainer.Mirror(sample, grid, channels, 1);
        var topBottom = RoutabilityTrainer.Mirror(sample, grid, channels, 2);
        Assert.Equal(features[(1 * 16) + (2 * grid) + 3], leftRight.Features[(1 * 16) + (2 * grid) + 0]); // channel 1, row 2: column 3 -> 0
        Assert.Equal(hotspot[(2 * grid) + 3], leftRight.Hotspot[(2 * grid) + 0]);
        Assert.Equal(features[(0 * 16) + (3 * grid) + 1], topBottom.Features[(0 * 16) + (0 * grid) + 1]); // channel 0, column 1: row 3 -> 0
        Assert.Equal(hotspot[(3 * grid) + 1], topBottom.Hotspot[(0 * grid) + 1]);
        Assert.Equal(0.25, leftRight.Ratio);
        Assert.Same(sample, RoutabilityTrainer.Mirror(sample, grid, channels, 0));
        var both = RoutabilityTrainer.Mirror(sample, grid, channels, 3);
        Assert.Equal(features, RoutabilityTrainer.Mirror(both, grid, channels, 3).Features);
        Assert.Equal(hotspot, RoutabilityTrainer.Mirror(both, grid, channels, 3).Hotspot);
        Assert.Equal(features.Order(), both.Features.Order()); // a permutation: nothing lost or repeated
    }

    [Fact]
    public void FlipsAreDrawnFromTheSeed()
    {
        NasPlatform.Torch.TorchThreads.UseHostDefault();
        var data = RoutabilityData.Load(_root, [], [], 1, 0);
        var net = Small with { Recipe = Small.Recipe with { Epochs = 3 } };
        var a = RoutabilityTrainer.TrainAndScore(net, data, 1, 0.5, 7, null, CancellationToken.None, flips: true);
        var b = RoutabilityTrainer.TrainAndScore(net, data, 1, 0.5, 7, null, CancellationToken.None, flips: true);
        var plain = RoutabilityTrainer.TrainAndScore(net, data, 1, 0.5, 7, null, CancellationToken.None);
        Assert.Equal((a.Test, a.Validation, a.FinalLoss), (b.Test, b.Validation, b.FinalLoss));
        Assert.NotEqual(plain.FinalLoss, a.FinalLoss);
    }

    [Fact]
    public void UnknownDesignInTheSplitIsNamed()
    {
        var e = Assert.Throws<ArgumentException>(() => RoutabilityData.Load(_root, ["mul99"], [], 1, 0));
        Assert.Contains("Design 'mul99' is not in", e.Message, StringComparison.Ordinal);
    }
}
