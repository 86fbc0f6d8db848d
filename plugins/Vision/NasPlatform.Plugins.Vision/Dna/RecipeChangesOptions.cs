using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using NasPlatform.Abstractions.Options;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Plugins.Vision.Spaces;
using NasPlatform.Plugins.Vision.Training;
using Newtonsoft.Json.Linq;

namespace NasPlatform.Plugins.Vision.Dna;

/// <summary>
/// Changes to the default training recipe (<see cref="TrainingRecipe.Default"/>): each value left out keeps the
/// default's. The teacher's recipe takes these; the assembled network's (<see cref="RetrainRecipeOptions"/>) also its epochs.
/// </summary>
public record RecipeChangesOptions
{
    /// <summary>sgd or adamw.</summary>
    [AllowedValues("sgd", "adamw")]
    public string? Optimizer { get; init; }

    /// <summary>Peak learning rate.</summary>
    public double? LearningRate { get; init; }

    /// <summary>Weight decay.</summary>
    public double? WeightDecay { get; init; }

    /// <summary>Images per step.</summary>
    [Range(1, int.MaxValue)]
    public int? BatchSize { get; init; }

    /// <summary>Label smoothing.</summary>
    public double? LabelSmoothing { get; init; }

    /// <summary>Dropout before the classifier.</summary>
    public double? Dropout { get; init; }

    /// <summary>Mixup's Beta alpha; 0 turns it off.</summary>
    public double? Mixup { get; init; }

    /// <summary>EMA decay; 0 turns it off.</summary>
    public double? Ema { get; init; }

    /// <summary>Augmentation strength.</summary>
    public double? Augment { get; init; }

    /// <summary>
    /// The default recipe with these changes; a value the recipe refuses (a learning rate out of range, say) is a
    /// configuration error at <paramref name="optionPath"/>, as the candidate parser words it.
    /// </summary>
    public TrainingRecipe ApplyToDefault(string optionPath)
    {
        var recipe = VisionCandidate.RecipeJson(TrainingRecipe.Default);
        // Options left out are null in the JSON, and a merge ignores nulls: they keep the default's values.
        recipe.Merge(JObject.Parse(ComponentOptions.ToJson(this)));
        try
        {
            return VisionCandidate.ParseRecipe(recipe);
        }
        catch (ArgumentException e)
        {
            throw new ComponentConfigurationException(optionPath, e.Message, e);
        }
    }
}
