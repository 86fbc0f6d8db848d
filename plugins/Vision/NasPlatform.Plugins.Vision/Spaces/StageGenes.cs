using NasPlatform.Plugins.Vision.Networks;

namespace NasPlatform.Plugins.Vision.Spaces;

/// <summary>
/// One stage of an MBConv network: <see cref="Depth"/> blocks of one kind (<see cref="Block"/>: MBConv, or
/// Fused-MBConv when the space offers it), the first with the stride.
/// </summary>
public sealed record StageGenes(int Depth, int Width, int Stride, int Expansion, int Kernel, bool SqueezeExcite, Activation Activation, BlockKind Block = BlockKind.MbConv)
{
    /// <summary>Block <paramref name="index"/> of the stage (the first carries the stride).</summary>
    public LayerSpec Layer(int index)
    {
        var stride = index == 0 ? Stride : 1;
        return Block == BlockKind.Fused
            ? new FusedMbConvLayer(Width, Expansion, Kernel, stride, SqueezeExcite, Activation)
            : new MbConvLayer(Width, Expansion, Kernel, stride, SqueezeExcite, Activation);
    }
}
