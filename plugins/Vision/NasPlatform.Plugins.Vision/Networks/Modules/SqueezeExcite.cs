using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasPlatform.Plugins.Vision.Networks.Modules;

/// <summary>Squeeze-excitation: global average, 1x1 reduce + ReLU, 1x1 expand + sigmoid, channel-wise scale.</summary>
internal sealed class SqueezeExcite : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d reduce;
    private readonly Conv2d expand;

    public SqueezeExcite(int channels, int squeezed)
        : base(nameof(SqueezeExcite))
    {
        reduce = nn.Conv2d(channels, squeezed, 1);
        expand = nn.Conv2d(squeezed, channels, 1);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var pooled = nn.functional.adaptive_avg_pool2d(input, 1);
        using var reduced = reduce.forward(pooled);
        using var relu = nn.functional.relu(reduced);
        using var gate = expand.forward(relu).sigmoid_();
        return input * gate;
    }
}
