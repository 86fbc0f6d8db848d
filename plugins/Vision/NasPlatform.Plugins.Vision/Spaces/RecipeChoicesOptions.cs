using System.ComponentModel;
using NasPlatform.Abstractions.Options;

namespace NasPlatform.Plugins.Vision.Spaces;

/// <summary>
/// The <c>recipeChoices</c> option: the values the joint recipe search picks from for each regularisation gene.
/// Narrowing them keeps a short proxy from choosing recipes that only win at a few epochs.
/// </summary>
public sealed record RecipeChoicesOptions
{
    /// <summary>Label smoothing values, in [0, 1).</summary>
    [Description("Label smoothing values to choose from.")]
    [SchemaFragment(VisionSchemas.OpenShares)]
    public double[] LabelSmoothing { get; init; } = [0.0, 0.05, 0.1];

    /// <summary>Dropout rates before the classifier, in [0, 1).</summary>
    [Description("Dropout rates to choose from.")]
    [SchemaFragment(VisionSchemas.OpenShares)]
    public double[] Dropout { get; init; } = [0.0, 0.1, 0.2, 0.3];

    /// <summary>Mixup's Beta alpha; 0 turns mixup off.</summary>
    [Description("Mixup Beta alphas to choose from (0 = off).")]
    [SchemaFragment(VisionSchemas.MixupAlphas)]
    public double[] Mixup { get; init; } = [0.0, 0.2];

    /// <summary>EMA decays of the evaluated weights; 0 turns the average off.</summary>
    [Description("EMA decays to choose from (0 = off).")]
    [SchemaFragment(VisionSchemas.OpenShares)]
    public double[] Ema { get; init; } = [0.0, 0.999];

    /// <summary>Augmentation strengths, in [0, 1].</summary>
    [Description("Augmentation strengths to choose from.")]
    [SchemaFragment(VisionSchemas.Shares)]
    public double[] Augment { get; init; } = [0.0, 0.5, 1.0];

    /// <summary>Random-erasing probabilities; off ([0]) unless listed, so the default space keeps its genes.</summary>
    [Description("Random-erasing probabilities to choose from; off ([0]) unless listed, e.g. [0, 0.5].")]
    [SchemaFragment(VisionSchemas.Shares)]
    public double[] Erase { get; init; } = [0.0];
}
