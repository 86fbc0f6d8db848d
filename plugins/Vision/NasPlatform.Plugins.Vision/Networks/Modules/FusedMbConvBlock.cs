using NasPlatform.Torch;
using static TorchSharp.torch;

namespace NasPlatform.Plugins.Vision.Networks.Modules;

/// <summary>The TorchSharp module of a <see cref="FusedMbConvLayer"/>.</summary>
internal sealed class FusedMbConvBlock : nn.Module<Tensor, Tensor>
{
    private readonly ConvBnAct fused;
    private readonly SqueezeExcite? se;
    private readonly ConvBnAct? project;
    private readonly bool residual;

    public FusedMbConvBlock(int input, FusedMbConvLayer layer)
        : base(nameof(FusedMbConvBlock))
    {
        var mid = layer.Mid(input);
        fused = new ConvBnAct(input, mid, layer.Kernel, layer.Stride, layer.Kernel / 2, 1, false, true, layer.Activation);
        se = layer.SqueezeExcite ? new SqueezeExcite(mid, MbConvLayer.SqueezeChannels(mid)) : null;
        project = layer.Expansion == 1 ? null : new ConvBnAct(mid, layer.Out, 1, 1, 0, 1, false, true, Activation.None);
        residual = layer.Stride == 1 && input == layer.Out;
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = fused.forward(input);
        if (se is not null)
        {
            x = se.forward(x);
        }

        if (project is not null)
        {
            x = project.forward(x);
        }

        if (residual)
        {
            x = x.add(input, Scalars.One);
        }

        return x.MoveToOuterDisposeScope();
    }
}
