using System.ComponentModel.DataAnnotations;

namespace NasPlatform.Plugins.Vision.Dna;

/// <summary>Changes to the default recipe for the assembled network (<c>nas combine --retrain</c>), its epochs included.</summary>
public sealed record RetrainRecipeOptions : RecipeChangesOptions
{
    /// <summary>Full training epochs.</summary>
    [Range(1, int.MaxValue)]
    public int? Epochs { get; init; }
}
