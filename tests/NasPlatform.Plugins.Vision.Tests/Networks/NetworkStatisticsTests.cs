using NasPlatform.Plugins.Vision.Networks;
using NasPlatform.Plugins.Vision.Spaces;

namespace NasPlatform.Plugins.Vision.Tests.Networks;

public sealed class NetworkStatisticsTests
{
    public NetworkStatisticsTests() => TorchFixture.Ensure();

    private static long ModuleParameters(NetworkSpec network)
    {
        using var module = NetworkBuilder.Build(network, 0.1, seed: 1);
        return module.parameters().Sum(p => p.numel());
    }

    // 1x8x8 input: conv 3x3 -> 4x8x8; MBConv e2 k3 s2 with SE -> 8x4x4; pool; linear -> 3.
    private static readonly NetworkSpec Small = new(1, 8,
    [
        new ConvLayer(4, 3),
        new MbConvLayer(8, 2, 3, 2, true, Activation.HardSwish),
        new GlobalPoolLayer(),
        new LinearLayer(3, Classifier: true),
    ]);

    [Fact]
    public void Small_network_matches_a_hand_count()
    {
        // MACs: stem 8*8*4*1*9 = 2304; expand 8*8*4*8 = 2048; depthwise 4*4*8*9 = 1152; SE 2*8*4 = 64;
        // project 4*4*8*8 = 1024; classifier 8*3 = 24.
        // Parameters: stem 36 + BN 8; expand 32 + 16; depthwise 72 + 16; SE 8*4 + 4 + 4*8 + 8; project 64 + 16; linear 24 + 3.
        var (parameters, macs) = NetworkStatistics.Count(Small);
        Assert.Equal(2304 + 2048 + 1152 + 64 + 1024 + 24, macs);
        Assert.Equal(44 + 48 + 88 + 76 + 80 + 27, parameters);
        Assert.Equal(parameters, ModuleParameters(Small));
    }

    [Fact]
    public void Fused_mbconv_blocks_match_a_hand_count_and_keep_the_shape()
    {
        // 1x8x8 input: conv 3x3 -> 4x8x8; Fused-MBConv e2 k3 s2 with SE -> 8x4x4 (3x3 conv 4->8, SE, 1x1 project);
        // Fused-MBConv e1 k3 s1 -> 8x4x4 (one 3x3 conv 8->8, no projection, identity shortcut); pool; linear -> 3.
        var network = new NetworkSpec(1, 8,
        [
            new ConvLayer(4, 3),
            new FusedMbConvLayer(8, 2, 3, 2, true, Activation.HardSwish),
            new FusedMbConvLayer(8, 1, 3, 1, false, Activation.Relu),
            new GlobalPoolLayer(),
            new LinearLayer(3, Classifier: true),
        ]);

        // MACs: stem 8*8*4*9 = 2304; fused 4*4*8*4*9 = 4608; SE 2*8*4 = 64; project 4*4*8*8 = 1024;
        // second fused 4*4*8*8*9 = 9216; classifier 8*3 = 24.
        // Parameters: stem 36 + 8; fused 288 + 16; SE 32 + 4 + 32 + 8; project 64 + 16; second fused 576 + 16; linear 24 + 3.
        var (parameters, macs) = NetworkStatistics.Count(network);
        Assert.Equal(2304 + 4608 + 64 + 1024 + 9216 + 24, macs);
        Assert.Equal(44 + 304 + 76 + 80 + 592 + 27, parameters);
        Assert.Equal(parameters, ModuleParameters(network));

        using var module = NetworkBuilder.Build(network, 0, 1);
        using var input = TorchSharp.torch.randn(2, 1, 8, 8);
        using var output = module.forward(input);
        Assert.Equal([2L, 3L], output.shape);
    }

    [Fact]
    public void LeNet5_has_its_textbook_parameter_count()
    {
        var network = new NetworkSpec(1, 28, Baselines.Layers(Baselines.LeNet5, 10));
        Assert.Equal(61_706, NetworkStatistics.Count(network).Parameters);
        Assert.Equal(61_706, ModuleParameters(network));
    }

    [Theory]
    [InlineData(Baselines.TwoConv)]
    [InlineData(Baselines.SmallResNet)]
    [InlineData(Baselines.MobileNetV2)]
    public void Baselines_count_exactly_like_their_modules(string name)
    {
        var network = new NetworkSpec(1, 28, Baselines.Layers(name, 10));
        Assert.Equal(NetworkStatistics.Count(network).Parameters, ModuleParameters(network));
        Assert.Equal(NetworkStatistics.Count(network.Reduced(0.5, 14)).Parameters, ModuleParameters(network.Reduced(0.5, 14)));
    }

    [Fact]
    public void Two_conv_baseline_is_under_100k_parameters()
    {
        Assert.InRange(NetworkStatistics.Count(new NetworkSpec(1, 28, Baselines.Layers(Baselines.TwoConv, 10))).Parameters, 10_000, 99_999);
    }

    [Fact]
    public void Sampled_mbconv_candidates_count_exactly_like_their_modules_at_full_and_reduced_size()
    {
        var space = new MbConvSpace(MbConvSpaceOptions.Default);
        var random = new Random(7);
        for (var i = 0; i < 25; i++)
        {
            var network = VisionCandidate.Parse(space.Sample(random)).Network(1, 28, 10);
            Assert.Equal(NetworkStatistics.Count(network).Parameters, ModuleParameters(network));
            var reduced = network.Reduced(0.25, 14);
            Assert.Equal(NetworkStatistics.Count(reduced).Parameters, ModuleParameters(reduced));
        }
    }

    [Fact]
    public void Sampled_candidates_with_fused_stages_count_exactly_like_their_modules()
    {
        var space = new MbConvSpace(MbConvSpaceOptions.Default with { Blocks = [BlockKind.MbConv, BlockKind.Fused] });
        var random = new Random(11);
        var fusedLayers = 0;
        for (var i = 0; i < 25; i++)
        {
            var network = VisionCandidate.Parse(space.Sample(random)).Network(1, 28, 10);
            fusedLayers += network.Layers.Count(l => l is FusedMbConvLayer);
            Assert.Equal(NetworkStatistics.Count(network).Parameters, ModuleParameters(network));
            var reduced = network.Reduced(0.25, 14);
            Assert.Equal(NetworkStatistics.Count(reduced).Parameters, ModuleParameters(reduced));
        }

        Assert.True(fusedLayers > 10, $"only {fusedLayers} fused blocks in 25 samples");
    }

    [Fact]
    public void Output_of_every_network_is_the_class_count()
    {
        using var module = NetworkBuilder.Build(Small, 0, 1);
        using var input = TorchSharp.torch.zeros(2, 1, 8, 8);
        using var output = module.forward(input);
        Assert.Equal([2L, 3L], output.shape);
    }

    [Fact]
    public void A_window_larger_than_the_input_is_a_clear_error()
    {
        var network = new NetworkSpec(1, 4, [new ConvLayer(4, 5, Padding: 0)]);
        var e = Assert.Throws<InvalidOperationException>(() => NetworkStatistics.Count(network));
        Assert.Contains("does not fit", e.Message);
    }
}
