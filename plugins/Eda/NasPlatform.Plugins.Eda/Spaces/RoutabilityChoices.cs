namespace NasPlatform.Plugins.Eda.Spaces;

/// <summary>The values each decision of the routability space may take.</summary>
public static class RoutabilityChoices
{
    public static readonly int[] Widths = [8, 16, 24, 32, 48, 64];
    public static readonly int[] Kernels = [3, 5, 7, 9];
    public static readonly int[] Dilations = [1, 2];
    public static readonly int[] Convs = [1, 2];
    public static readonly string[] Downs = ["max", "avg", "strided"];
    public static readonly string[] Skips = ["none", "add", "concat"];
    public static readonly string[] Upsamples = ["nearest", "bilinear", "transposed"];
    public static readonly int[] DecoderKernels = [3, 5, 7, 9];
    public static readonly double[] LearningRates = [1e-3, 2e-3, 5e-3];
    public static readonly double[] WeightDecays = [0, 1e-4, 1e-3];
    public static readonly int[] Epochs = [10, 20, 30];
    public static readonly int[] BatchSizes = [8, 16, 32];
    public static readonly double[] HotspotWeights = [0.5, 1.0, 2.0];
}
