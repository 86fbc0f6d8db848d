using TorchSharp;
using static TorchSharp.torch;

namespace NasPlatform.Torch.Tests;

/// <summary>Proves on every CI run that TorchSharp's natives load and train: a Conv2d forward and backward pass.</summary>
public sealed class TorchSmokeTests
{
    [Fact]
    public void Conv2dForwardAndBackwardGiveFiniteNonZeroGradients()
    {
        TorchRuntime.EnsureAvailable();
        using var scope = NewDisposeScope();
        var generator = new Generator(seed: 20240601);
        using var conv = nn.Conv2d(3, 8, 3, stride: 1, padding: 1);
        var input = randn([2, 3, 16, 16], generator: generator);

        var output = conv.forward(input);
        Assert.Equal(new long[] { 2, 8, 16, 16 }, output.shape);

        var loss = output.pow(Scalars.Two).mean();
        loss.backward();

        var weightGrad = conv.weight!.grad;
        var biasGrad = conv.bias!.grad;
        Assert.NotNull(weightGrad);
        Assert.NotNull(biasGrad);
        Assert.Equal(conv.weight.shape, weightGrad.shape);
        foreach (var grad in new[] { weightGrad, biasGrad })
        {
            Assert.True(isfinite(grad).all().item<bool>(), "gradient has NaN or infinite entries");
            Assert.True(grad.abs().sum().item<float>() > 0f, "gradient is all zeros");
        }
        Assert.True(float.IsFinite(loss.item<float>()) && loss.item<float>() > 0f);
    }

    [Fact]
    public void TryDiagnoseFindsNothingWrongWhereTorchSharpLoads()
    {
        var problem = TorchRuntime.TryDiagnose(out var reason);

        Assert.False(problem, reason);
        Assert.Equal("", reason);
        Assert.True(TorchRuntime.IsAvailable);
    }
}
