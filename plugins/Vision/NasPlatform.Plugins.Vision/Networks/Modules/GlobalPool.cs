using static TorchSharp.torch;

namespace NasPlatform.Plugins.Vision.Networks.Modules;

/// <summary>Global average pooling to a (batch, channels) matrix.</summary>
internal sealed class GlobalPool : nn.Module<Tensor, Tensor>
{
    public GlobalPool()
        : base(nameof(GlobalPool))
    {
    }

    public override Tensor forward(Tensor input) => input.mean([2L, 3L]);
}
