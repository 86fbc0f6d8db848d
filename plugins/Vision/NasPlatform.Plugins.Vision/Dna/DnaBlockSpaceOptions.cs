using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Plugins.Vision.Networks;
using NasPlatform.Plugins.Vision.Spaces;
using NasPlatform.Plugins.Vision.Training;

namespace NasPlatform.Plugins.Vision.Dna;

/// <summary>Options of the <c>dna-block</c> space (see <see cref="Schema"/>).</summary>
public sealed record DnaBlockSpaceOptions(
    string Teacher,
    InputShape Input,
    int[] Depths,
    int[] Expansions,
    int[] Kernels,
    bool[] SqueezeExcite,
    Activation[] Activations,
    TrainingRecipe Recipe)
{
    public static DnaBlockSpaceOptions Default { get; } = new(
        Baselines.MobileNetV2, InputShape.FashionMnist, [1, 2, 3], [1, 2, 3, 4, 6], [3, 5], [false, true], [Activation.Relu, Activation.HardSwish], TrainingRecipe.Default);

    public const string Schema = """
    {
      "$schema": "http://json-schema.org/draft-07/schema#",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "teacher": { "enum": ["mobilenetv2-like", "resnet-small"], "description": "The baseline whose blocks (runs of MBConv or residual blocks of one width) the candidates imitate; default mobilenetv2-like (4 blocks: 16, 24, 32, 64 channels)." },
        "inputChannels": { "type": "integer", "minimum": 1, "maximum": 4, "description": "Image channels; default 1 (Fashion-MNIST)." },
        "resolution": { "type": "integer", "minimum": 8, "maximum": 512, "description": "Input side in pixels; default 28." },
        "classes": { "type": "integer", "minimum": 2, "maximum": 1000, "description": "Classes; default 10." },
        "depths": { "type": "array", "minItems": 1, "items": { "type": "integer", "minimum": 0, "maximum": 8 }, "description": "MBConv blocks per stage (default [1, 2, 3]); 0 (skip) is offered only to teacher blocks that keep shape (stride 1, same width)." },
        "expansions": { "type": "array", "minItems": 1, "items": { "type": "integer", "minimum": 1, "maximum": 8 } },
        "kernels": { "type": "array", "minItems": 1, "items": { "enum": [3, 5, 7] } },
        "squeezeExcite": { "type": "array", "minItems": 1, "items": { "type": "boolean" } },
        "activations": { "type": "array", "minItems": 1, "items": { "enum": ["relu", "hswish"] } },
        "recipe": {
          "type": "object", "additionalProperties": false,
          "properties": {
            "optimizer": { "enum": ["sgd", "adamw"] }, "learningRate": { "type": "number" }, "weightDecay": { "type": "number" },
            "epochs": { "type": "integer", "minimum": 1 }, "batchSize": { "type": "integer", "minimum": 1 }, "labelSmoothing": { "type": "number" },
            "dropout": { "type": "number" }, "mixup": { "type": "number" }, "ema": { "type": "number" }, "augment": { "type": "number" }
          },
          "description": "The training recipe of the assembled network (`nas combine --retrain`): changes to the default (AdamW 0.002, weight decay 0.05, 10 epochs, batch 128, label smoothing 0.1, dropout 0.1, augmentation 0.5)."
        }
      }
    }
    """;

    public static DnaBlockSpaceOptions From(JObject options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var d = Default;
        var parsed = RecipeFrom(options, "recipe");
        return new DnaBlockSpaceOptions(
            options.Value<string>("teacher") ?? d.Teacher,
            new InputShape(options.Value<int?>("inputChannels") ?? d.Input.Channels, options.Value<int?>("resolution") ?? d.Input.Resolution, options.Value<int?>("classes") ?? d.Input.Classes),
            options["depths"] is { } depths ? Ints(depths) : d.Depths,
            options["expansions"] is { } e2 ? Ints(e2) : d.Expansions,
            options["kernels"] is { } k ? Ints(k) : d.Kernels,
            options["squeezeExcite"] is JArray se ? [.. se.Select(t => (bool)t).Distinct()] : d.SqueezeExcite,
            options["activations"] is JArray acts ? [.. acts.Select(t => (string)t! == "relu" ? Activation.Relu : Activation.HardSwish).Distinct()] : d.Activations,
            parsed);
    }

    /// <summary>The default recipe with the changes in <c>options[name]</c> (a partial recipe object).</summary>
    public static TrainingRecipe RecipeFrom(JObject options, string name)
    {
        ArgumentNullException.ThrowIfNull(options);
        var recipe = VisionCandidate.RecipeJson(TrainingRecipe.Default);
        if (options[name] is JObject changes)
        {
            recipe.Merge(changes);
        }

        try
        {
            return VisionCandidate.ParseRecipe(recipe);
        }
        catch (ArgumentException e)
        {
            throw new ComponentConfigurationException(name, e.Message, e);
        }
    }

    private static int[] Ints(JToken token) => [.. token.Select(t => (int)t).Distinct()];
}
