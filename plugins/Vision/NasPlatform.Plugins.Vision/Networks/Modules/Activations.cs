using static TorchSharp.torch;

namespace NasPlatform.Plugins.Vision.Networks.Modules;

internal static class Activations
{
    public static nn.Module<Tensor, Tensor>? Create(Activation activation) => activation switch
    {
        Activation.None => null,
        Activation.Relu => nn.ReLU(),
        Activation.HardSwish => nn.Hardswish(),
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, null),
    };
}
