using Newtonsoft.Json;

namespace NasPlatform.Plugins.Vision.Networks;

/// <summary>
/// One layer of a network description. Every network (searched or baseline) is a list of these, so the
/// parameter and MAC counts (<see cref="NetworkStatistics"/>) and the TorchSharp module
/// (<see cref="NetworkBuilder"/>) come from the same description.
/// </summary>
public abstract record LayerSpec
{
    /// <summary>The same layer with every channel width scaled by <paramref name="factor"/> (EcoNAS's channel reduction).</summary>
    public abstract LayerSpec Scaled(double factor);

    /// <summary>A width scaled by <paramref name="factor"/>, at least 4 channels (no effect at factor 1).</summary>
    public static int Scale(int width, double factor) =>
        factor == 1.0 ? width : Math.Max(4, (int)Math.Round(width * factor, MidpointRounding.AwayFromZero));
}

/// <summary>
/// Convolution, optionally followed by batch normalization and an activation. <c>Padding</c> is the zero
/// padding on each side; null means "same" (kernel / 2).
/// </summary>
public sealed record ConvLayer(int Out, int Kernel, int Stride = 1, int? Padding = null, bool Bias = false, bool BatchNorm = true, Activation Activation = Activation.Relu) : LayerSpec
{
    [JsonIgnore]
    public int Pad => Padding ?? Kernel / 2;

    public override LayerSpec Scaled(double factor) => this with { Out = Scale(Out, factor) };
}

/// <summary>
/// Inverted residual (MobileNetV2/FBNet MBConv): 1x1 expansion (skipped at expansion 1), depthwise kxk
/// with the stride, optional squeeze-excitation, linear 1x1 projection; identity shortcut when the
/// stride is 1 and the width is unchanged.
/// </summary>
public sealed record MbConvLayer(int Out, int Expansion, int Kernel, int Stride, bool SqueezeExcite, Activation Activation) : LayerSpec
{
    /// <summary>Channels of the squeeze-excitation bottleneck for <paramref name="mid"/> expanded channels.</summary>
    public static int SqueezeChannels(int mid) => Math.Max(4, mid / 4);

    public override LayerSpec Scaled(double factor) => this with { Out = Scale(Out, factor) };
}

/// <summary>
/// Fused inverted residual (Fused-MBConv, EfficientNetV2): one dense kxk convolution with the stride expands
/// the channels in place of MBConv's 1x1 expansion and depthwise kxk, then optional squeeze-excitation and a
/// linear 1x1 projection; at expansion 1 the kxk convolution goes straight to the output width (no
/// projection). Identity shortcut when the stride is 1 and the width is unchanged. Dense convolutions run
/// several times faster per MAC than depthwise ones on CPU kernels, so a CPU-bound search wants this choice.
/// </summary>
public sealed record FusedMbConvLayer(int Out, int Expansion, int Kernel, int Stride, bool SqueezeExcite, Activation Activation) : LayerSpec
{
    /// <summary>Channels after the kxk convolution for <paramref name="input"/> input channels.</summary>
    public int Mid(int input) => Expansion == 1 ? Out : input * Expansion;

    public override LayerSpec Scaled(double factor) => this with { Out = Scale(Out, factor) };
}

/// <summary>ResNet basic block: two 3x3 conv-BN (ReLU between and after), 1x1 conv-BN shortcut when the shape changes.</summary>
public sealed record ResidualBlockLayer(int Out, int Stride) : LayerSpec
{
    public override LayerSpec Scaled(double factor) => this with { Out = Scale(Out, factor) };
}

/// <summary>Max or average pooling.</summary>
public sealed record PoolLayer(int Kernel, int Stride, bool Max) : LayerSpec
{
    public override LayerSpec Scaled(double factor) => this;
}

/// <summary>Global average pooling to 1x1, then flattening to a vector.</summary>
public sealed record GlobalPoolLayer : LayerSpec
{
    public override LayerSpec Scaled(double factor) => this;
}

/// <summary>Flattens channels x rows x columns into a vector.</summary>
public sealed record FlattenLayer : LayerSpec
{
    public override LayerSpec Scaled(double factor) => this;
}

/// <summary>Dropout with the recipe's rate (a placeholder in the description: the rate is a training setting).</summary>
public sealed record DropoutLayer : LayerSpec
{
    public override LayerSpec Scaled(double factor) => this;
}

/// <summary>Fully connected layer with bias; <c>Classifier</c> layers keep their width under channel scaling.</summary>
public sealed record LinearLayer(int Out, Activation Activation = Activation.None, bool Classifier = false) : LayerSpec
{
    public override LayerSpec Scaled(double factor) => Classifier ? this : this with { Out = Scale(Out, factor) };
}
