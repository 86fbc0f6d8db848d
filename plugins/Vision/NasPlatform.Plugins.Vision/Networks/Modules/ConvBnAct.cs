using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NasPlatform.Plugins.Vision.Networks.Modules;

/// <summary>Convolution, optional batch normalization, optional activation.</summary>
internal sealed class ConvBnAct : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d conv;
    private readonly NasPlatform.Torch.Modules.BatchNorm2d? bn;
    private readonly nn.Module<Tensor, Tensor>? act;

    public ConvBnAct(int input, int output, int kernel, int stride, int padding, int groups, bool bias, bool batchNorm, Activation activation)
        : base(nameof(ConvBnAct))
    {
        conv = nn.Conv2d(input, output, kernel, stride: stride, padding: padding, groups: groups, bias: bias);
        bn = batchNorm ? new NasPlatform.Torch.Modules.BatchNorm2d(output) : null;
        act = Activations.Create(activation);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var x = conv.forward(input);
        if (bn is not null)
        {
            x = bn.forward(x);
        }

        return act is null ? x : act.forward(x);
    }
}
