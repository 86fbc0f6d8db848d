using NasPlatform.Torch;
using static TorchSharp.torch;

namespace NasPlatform.Plugins.Vision.Networks.Modules;

/// <summary>The TorchSharp module of an <see cref="MbConvLayer"/>.</summary>
internal sealed class MbConvBlock : nn.Module<Tensor, Tensor>
{
    private readonly ConvBnAct? expand;
    private readonly ConvBnAct depthwise;
    private readonly SqueezeExcite? se;
    private readonly ConvBnAct project;
    private readonly bool residual;

    public MbConvBlock(int input, MbConvLayer layer)
        : base(nameof(MbConvBlock))
    {
        var mid = input * layer.Expansion;
        expand = layer.Expansion == 1 ? null : new ConvBnAct(input, mid, 1, 1, 0, 1, false, true, layer.Activation);
        depthwise = new ConvBnAct(mid, mid, layer.Kernel, layer.Stride, layer.Kernel / 2, mid, false, true, layer.Activation);
        se = layer.SqueezeExcite ? new SqueezeExcite(mid, MbConvLayer.SqueezeChannels(mid)) : null;
        project = new ConvBnAct(mid, layer.Out, 1, 1, 0, 1, false, true, Activation.None);
        residual = layer.Stride == 1 && input == layer.Out;
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = expand is null ? input : expand.forward(input);
        x = depthwise.forward(x);
        if (se is not null)
        {
            x = se.forward(x);
        }

        x = project.forward(x);
        if (residual)
        {
            x = x.add(input, Scalars.One);
        }

        return x.MoveToOuterDisposeScope();
    }
}
