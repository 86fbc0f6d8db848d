using System.ComponentModel;
using NasPlatform.Abstractions.Options;

namespace NasPlatform.Plugins.Vision.Spaces;

/// <summary>What one stage of the MBConv space may choose: its depths, widths and strides.</summary>
public sealed record StageChoicesOptions
{
    /// <summary>Blocks in the stage; 0 skips it (never in the first stage).</summary>
    [Description("Blocks in the stage to choose from; 0 skips the stage (not the first).")]
    [SchemaFragment(VisionSchemas.StageDepths)]
    public required int[] Depths { get; init; }

    /// <summary>Output channels to choose from.</summary>
    [Description("Output channels to choose from.")]
    [SchemaFragment(VisionSchemas.Widths)]
    public required int[] Widths { get; init; }

    /// <summary>Strides to choose from (1 or 2).</summary>
    [Description("Strides to choose from (1 or 2).")]
    [SchemaFragment(VisionSchemas.Strides)]
    public required int[] Strides { get; init; }

    /// <summary>The stage's choices, duplicates dropped.</summary>
    public StageChoices ToChoices() => new([.. Depths.Distinct()], [.. Widths.Distinct()], [.. Strides.Distinct()]);

    /// <summary>A stage offering these choices.</summary>
    public static StageChoicesOptions Of(int[] depths, int[] widths, int[] strides) => new() { Depths = depths, Widths = widths, Strides = strides };
}
