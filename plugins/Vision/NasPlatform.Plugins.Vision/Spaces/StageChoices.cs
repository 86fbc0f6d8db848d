namespace NasPlatform.Plugins.Vision.Spaces;

/// <summary>The options one stage of the MBConv space offers.</summary>
public sealed record StageChoices(int[] Depths, int[] Widths, int[] Strides);
