namespace NasPlatform.Plugins.Vision.Spaces;

/// <summary>The block a stage of the <c>mbconv</c> space repeats; written in candidates as <c>"block"</c>.</summary>
public enum BlockKind
{
    /// <summary>Inverted residual with a depthwise convolution (MobileNetV2, FBNet); the default, left out of candidate JSON.</summary>
    MbConv,

    /// <summary>Fused-MBConv (EfficientNetV2): a dense kxk convolution in place of the 1x1 expansion and the depthwise one.</summary>
    Fused,
}
