using NasPlatform.Plugins.Vision.Networks;

namespace NasPlatform.Plugins.Vision.Spaces;

/// <summary>One stage of an MBConv network: <see cref="Depth"/> blocks of one kind, the first with the stride.</summary>
public sealed record StageGenes(int Depth, int Width, int Stride, int Expansion, int Kernel, bool SqueezeExcite, Activation Activation);
