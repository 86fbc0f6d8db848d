using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using NasPlatform.Abstractions.Options;
using NasPlatform.Plugins.Vision.Networks;
using NasPlatform.Plugins.Vision.Spaces;

namespace NasPlatform.Plugins.Vision.Dna;

/// <summary>Options of the <c>dna-block</c> space as an experiment file gives them: the teacher, the images, and each stage's choices.</summary>
public sealed record DnaBlockOptions : ImageInputOptions
{
    // The per-block choices a block is searched over are the MBConv space's; their defaults are written there once.
    private static readonly MbConvOptions Searched = new();

    /// <summary>The baseline whose blocks the candidates imitate.</summary>
    [Description("The baseline whose blocks (runs of MBConv or residual blocks of one width) the candidates imitate; mobilenetv2-like has 4 blocks: 16, 24, 32, 64 channels.")]
    [AllowedValues(Baselines.MobileNetV2, Baselines.SmallResNet)]
    public string Teacher { get; init; } = Baselines.MobileNetV2;

    /// <summary>MBConv blocks per stage; 0 (skip) only for teacher blocks that keep shape.</summary>
    [Description("MBConv blocks per stage; 0 (skip) is offered only to teacher blocks that keep shape (stride 1, same width).")]
    [SchemaFragment(VisionSchemas.DnaDepths)]
    public int[] Depths { get; init; } = [1, 2, 3];

    /// <summary>Expansion ratios to choose from.</summary>
    [Description("Expansion ratios to choose from.")]
    [SchemaFragment(VisionSchemas.Expansions)]
    public int[] Expansions { get; init; } = [1, 2, 3, 4, 6];

    /// <summary>Kernel sizes to choose from.</summary>
    [Description("Kernel sizes to choose from.")]
    [SchemaFragment(VisionSchemas.Kernels)]
    public int[] Kernels { get; init; } = [.. Searched.Kernels];

    /// <summary>Squeeze-and-excitation off/on, to choose from.</summary>
    [Description("Squeeze-and-excitation off/on, to choose from.")]
    [MinLength(1)]
    public bool[] SqueezeExcite { get; init; } = [.. Searched.SqueezeExcite];

    /// <summary>Activations to choose from.</summary>
    [Description("Activations to choose from (relu, hswish).")]
    [MinLength(1)]
    [AllowedValues("relu", "hswish")]
    public string[] Activations { get; init; } = [.. Searched.Activations];

    /// <summary>Changes to the default recipe for the assembled network; null: the default recipe.</summary>
    [Description("The training recipe of the assembled network (`nas combine --retrain`): changes to the default (AdamW 0.002, weight decay 0.05, 10 epochs, batch 128, label smoothing 0.1, dropout 0.1, augmentation 0.5).")]
    public RetrainRecipeOptions? Recipe { get; init; }
}
