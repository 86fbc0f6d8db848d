using NasPlatform.Torch;
using static TorchSharp.torch;

namespace NasPlatform.Plugins.Vision.Networks.Modules;

/// <summary>The TorchSharp module of a <see cref="ResidualBlockLayer"/> (ResNet basic block).</summary>
internal sealed class ResidualBlock : nn.Module<Tensor, Tensor>
{
    private readonly ConvBnAct first;
    private readonly ConvBnAct second;
    private readonly ConvBnAct? shortcut;

    public ResidualBlock(int input, ResidualBlockLayer layer)
        : base(nameof(ResidualBlock))
    {
        first = new ConvBnAct(input, layer.Out, 3, layer.Stride, 1, 1, false, true, Activation.Relu);
        second = new ConvBnAct(layer.Out, layer.Out, 3, 1, 1, 1, false, true, Activation.None);
        shortcut = layer.Stride != 1 || input != layer.Out
            ? new ConvBnAct(input, layer.Out, 1, layer.Stride, 0, 1, false, true, Activation.None)
            : null;
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var main = second.forward(first.forward(input));
        var skip = shortcut is null ? input : shortcut.forward(input);
        return nn.functional.relu(main.add(skip, Scalars.One)).MoveToOuterDisposeScope();
    }
}
