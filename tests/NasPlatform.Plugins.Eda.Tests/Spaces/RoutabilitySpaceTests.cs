using NasPlatform.Plugins.Eda.Models;
using NasPlatform.Plugins.Eda.Spaces;

namespace NasPlatform.Plugins.Eda.Tests.Spaces;

public sealed class RoutabilitySpaceTests
{
    private readonly RoutabilitySpace _space = new();

    [Fact]
    public void BaselinesArePointsOfTheSpace()
    {
        Assert.Empty(_space.Validate(Baselines.RouteNet().ToCandidate()));
        Assert.Empty(_space.Validate(Baselines.PlainCnn().ToCandidate()));
        var bad = Baselines.PlainCnn() with { DecoderKernel = 4 };
        Assert.Contains("decoderKernel: 4 is not one of 3, 5, 7, 9.", _space.Validate(bad.ToCandidate()));
    }

    [Fact]
    public void FreeParameterCountMatchesTheBuiltNetwork()
    {
        var rng = new Random(3);
        var nets = new List<RoutabilityNet> { Baselines.RouteNet(), Baselines.PlainCnn() };
        nets.AddRange(Enumerable.Range(0, 6).Select(_ => RoutabilityNet.From(_space.Sample(rng))));
        foreach (var net in nets)
        {
            using var model = new RoutabilityModel(net, 9, new Random(0));
            var built = model.parameters().Sum(p => p.numel());
            Assert.Equal(built, (long)_space.FreeStatistics(net.ToCandidate())["params"]);
        }
    }

    [Fact]
    public void ModelMapsFeaturesToARatioAndAHotspotMap()
    {
        NasPlatform.Torch.TorchThreads.UseHostDefault();
        foreach (var net in new[] { Baselines.RouteNet(), Baselines.PlainCnn(), RoutabilityNet.From(_space.Sample(new Random(1))) })
        {
            using var model = new RoutabilityModel(net, 9, new Random(0));
            using var x = TorchSharp.torch.rand(2, 9, 32, 32);
            var (ratio, hotspot) = model.call(x);
            Assert.Equal([2L], ratio.shape);
            Assert.Equal([2L, 32, 32], hotspot.shape);
        }
    }
}
