using Newtonsoft.Json.Linq;

namespace NasPlatform.Plugins.Vision.Spaces;

/// <summary>
/// The values the joint recipe search may pick for the regularisation genes. Narrowing them is how a user
/// keeps a short proxy from choosing recipes that only win at a few epochs (no augmentation, no dropout):
/// for example <c>"recipeChoices": { "augment": [0.5, 1], "labelSmoothing": [0.1] }</c>.
/// </summary>
public sealed record RecipeChoices(double[] LabelSmoothing, double[] Dropout, double[] Mixup, double[] Ema, double[] Augment, double[] Erase)
{
    public static RecipeChoices Default { get; } = new([0.0, 0.05, 0.1], [0.0, 0.1, 0.2, 0.3], [0.0, 0.2], [0.0, 0.999], [0.0, 0.5, 1.0], [0.0]);

    /// <summary>
    /// Random erasing is a gene only when the options offer more than "off", so the default space (and the genomes of
    /// stores made before it existed) stay as they were.
    /// </summary>
    public bool SearchesErase => Erase.Length > 1 || Erase[0] != 0;

    /// <summary>The JSON Schema of the <c>recipeChoices</c> option object (values validated here, so the engine rejects bad ones before any run).</summary>
    public const string Schema = """
        {
          "type": "object", "additionalProperties": false,
          "properties": {
            "labelSmoothing": { "type": "array", "minItems": 1, "items": { "type": "number", "minimum": 0, "exclusiveMaximum": 1 } },
            "dropout": { "type": "array", "minItems": 1, "items": { "type": "number", "minimum": 0, "exclusiveMaximum": 1 } },
            "mixup": { "type": "array", "minItems": 1, "items": { "type": "number", "minimum": 0, "maximum": 10 } },
            "ema": { "type": "array", "minItems": 1, "items": { "type": "number", "minimum": 0, "exclusiveMaximum": 1 } },
            "augment": { "type": "array", "minItems": 1, "items": { "type": "number", "minimum": 0, "maximum": 1 } },
            "erase": { "type": "array", "minItems": 1, "items": { "type": "number", "minimum": 0, "maximum": 1 } }
          },
          "description": "Values the recipe search picks from for label smoothing, dropout, mixup (Beta alpha; 0 = off), EMA decay (0 = off), augmentation strength and random-erasing probability; each defaults to the full set (0/0.05/0.1, 0/0.1/0.2/0.3, 0/0.2, 0/0.999, 0/0.5/1), except erase, which is off ([0]) unless listed, e.g. [0, 0.5]."
        }
        """;

    /// <summary>The choices in a <c>recipeChoices</c> option object; absent keys keep the defaults.</summary>
    public static RecipeChoices From(JToken? recipe)
    {
        var d = Default;
        return recipe is not JObject o
            ? d
            : new RecipeChoices(
                Values(o["labelSmoothing"]) ?? d.LabelSmoothing,
                Values(o["dropout"]) ?? d.Dropout,
                Values(o["mixup"]) ?? d.Mixup,
                Values(o["ema"]) ?? d.Ema,
                Values(o["augment"]) ?? d.Augment,
                Values(o["erase"]) ?? d.Erase);
    }

    private static double[]? Values(JToken? token) => token is JArray a ? [.. a.Select(t => (double)t).Distinct()] : null;
}
