using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using NasPlatform.Abstractions.Options;
using NasPlatform.Plugins.Vision.Networks;

namespace NasPlatform.Plugins.Vision.Spaces;

/// <summary>Options of the <c>mbconv</c> space as an experiment file gives them; defaults fit 28x28 grey images in 10 classes.</summary>
public sealed record MbConvOptions : ImageInputOptions
{
    /// <summary>Stem widths to choose from.</summary>
    [Description("Stem widths to choose from.")]
    [SchemaFragment(VisionSchemas.Widths)]
    public int[] StemWidths { get; init; } = [8, 12, 16, 24];

    /// <summary>Per stage, the depths, widths and strides to choose from.</summary>
    [Description("Per stage, the depths (blocks; 0 skips the stage), widths and strides to choose from.")]
    [MinLength(1)]
    [MaxLength(8)]
    public IReadOnlyList<StageChoicesOptions> Stages { get; init; } =
    [
        StageChoicesOptions.Of([1, 2], [12, 16, 24], [1]),
        StageChoicesOptions.Of([1, 2, 3], [24, 32, 48], [2]),
        StageChoicesOptions.Of([1, 2, 3], [48, 64, 96], [2]),
        StageChoicesOptions.Of([0, 1, 2], [64, 96, 128], [1]),
    ];

    /// <summary>MBConv expansion ratios to choose from.</summary>
    [Description("Expansion ratios to choose from.")]
    [SchemaFragment(VisionSchemas.Expansions)]
    public int[] Expansions { get; init; } = [1, 2, 3, 4, 6];

    /// <summary>Block kinds each stage chooses from; null: every stage is MBConv and the block is not a gene.</summary>
    [Description("Block kinds each stage chooses from: MBConv (depthwise) and Fused-MBConv (EfficientNetV2: a dense kxk convolution in place of the 1x1 expansion and the depthwise one, several times faster per MAC on CPUs). Omitted: every stage is MBConv and the block is not a gene.")]
    [MinLength(1)]
    [UniqueItems]
    [AllowedValues("mbconv", "fused")]
    public string[]? Blocks { get; init; }

    /// <summary>Depthwise kernel sizes to choose from.</summary>
    [Description("Kernel sizes to choose from.")]
    [SchemaFragment(VisionSchemas.Kernels)]
    public int[] Kernels { get; init; } = [3, 5];

    /// <summary>Whether blocks have squeeze-and-excitation, to choose from.</summary>
    [Description("Squeeze-and-excitation off/on, to choose from.")]
    [MinLength(1)]
    public bool[] SqueezeExcite { get; init; } = [false, true];

    /// <summary>Activations to choose from.</summary>
    [Description("Activations to choose from (relu, hswish).")]
    [MinLength(1)]
    [AllowedValues("relu", "hswish")]
    public string[] Activations { get; init; } = ["relu", "hswish"];

    /// <summary>Widths of the final 1x1 convolution; 0: none.</summary>
    [Description("Widths of the final 1x1 conv; 0 = none.")]
    [SchemaFragment(VisionSchemas.Heads)]
    public int[] Heads { get; init; } = [0, 128, 256];

    /// <summary>Search the training recipe jointly; false trains every candidate with the default recipe.</summary>
    [Description("Search the training recipe jointly; false trains every candidate with the default recipe.")]
    public bool SearchRecipe { get; init; } = true;

    /// <summary>Full-fidelity epochs to choose from (a fidelity's e scales them).</summary>
    [Description("Full-fidelity epochs to choose from (a fidelity's e scales them).")]
    [SchemaFragment(VisionSchemas.Widths)]
    public int[] Epochs { get; init; } = [4, 8, 12];

    /// <summary>Batch sizes to choose from.</summary>
    [Description("Batch sizes to choose from.")]
    [SchemaFragment(VisionSchemas.Widths)]
    public int[] BatchSizes { get; init; } = [64, 128, 256];

    /// <summary>The values the recipe search picks from for the regularisation genes.</summary>
    [Description("Values the recipe search picks from for label smoothing, dropout, mixup (Beta alpha; 0 = off), EMA decay (0 = off), augmentation strength and random-erasing probability; erase is off ([0]) unless listed, e.g. [0, 0.5].")]
    public RecipeChoicesOptions RecipeChoices { get; init; } = new();

    /// <summary>Add latency_ms (CPU, batch 1, median of 20 runs of the untrained network) to the free statistics.</summary>
    [Description("Add latency_ms (CPU, batch 1, median of 20 runs of the untrained network) to the free statistics, so a constraint such as \"latency_ms <= 2\" rejects candidates before training. Measured, so not reproducible across machines or loads.")]
    public bool MeasureLatency { get; init; }

    /// <summary>Add train_images_per_s (CPU images per second of one training step at the candidate's batch size, measured once per network shape) to the free statistics.</summary>
    [Description("Add train_images_per_s (CPU images per second of one training step: forward, backward and SGD step at the candidate's batch size, on the search's LibTorch threads; measured once per network shape and cached) to the free statistics, so a constraint such as \"train_images_per_s >= 400\" or an objective trades depthwise MBConv against Fused-MBConv blocks by what they cost on this CPU, which MACs misjudge. Measured, so not reproducible across machines or loads.")]
    public bool MeasureTrainingThroughput { get; init; }

    /// <summary>The activation an option value names.</summary>
    internal static Activation ActivationOf(string name) => name == "relu" ? Activation.Relu : Activation.HardSwish;
}
