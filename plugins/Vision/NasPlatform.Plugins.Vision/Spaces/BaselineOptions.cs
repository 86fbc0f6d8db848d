using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using NasPlatform.Abstractions.Options;
using NasPlatform.Plugins.Vision.Networks;

namespace NasPlatform.Plugins.Vision.Spaces;

/// <summary>Options of the <c>baselines</c> space: which hand-designed networks, on which images, with which recipe choices.</summary>
public sealed record BaselineOptions : ImageInputOptions
{
    /// <summary>The baselines included.</summary>
    [Description("Baselines to include.")]
    [MinLength(1)]
    [UniqueItems]
    [AllowedValues(Baselines.LeNet5, Baselines.TwoConv, Baselines.SmallResNet, Baselines.MobileNetV2)]
    public string[] Networks { get; init; } = [.. Baselines.Names];

    /// <summary>Search the recipe too; false gives every baseline the default recipe.</summary>
    [Description("Search the recipe too (false: every baseline gets the default recipe).")]
    public bool SearchRecipe { get; init; }

    /// <summary>Full-fidelity epochs the recipe search chooses from (the mbconv space's choices unless given).</summary>
    [Description("Full-fidelity epochs the recipe search chooses from.")]
    [SchemaFragment(VisionSchemas.PositiveInts)]
    public int[] Epochs { get; init; } = new MbConvOptions().Epochs;

    /// <summary>Batch sizes the recipe search chooses from (the mbconv space's choices unless given).</summary>
    [Description("Batch sizes the recipe search chooses from.")]
    [SchemaFragment(VisionSchemas.PositiveInts)]
    public int[] BatchSizes { get; init; } = new MbConvOptions().BatchSizes;
}
