using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Plugins.Vision.Networks;

namespace NasPlatform.Plugins.Vision.Spaces;

/// <summary>Options of the <c>mbconv</c> space (see <see cref="Schema"/>); defaults fit 28x28 grey images in 10 classes.</summary>
public sealed record MbConvSpaceOptions(
    InputShape Input,
    int[] StemWidths,
    IReadOnlyList<StageChoices> Stages,
    int[] Expansions,
    int[] Kernels,
    bool[] SqueezeExcite,
    Activation[] Activations,
    int[] Heads,
    bool SearchRecipe,
    int[] Epochs,
    int[] BatchSizes,
    bool MeasureLatency = false,
    RecipeChoices? Recipe = null,
    BlockKind[]? Blocks = null)
{
    /// <summary>Whether each stage chooses its block kind (a gene); when not, every stage is MBConv.</summary>
    public bool SearchesBlocks => Blocks is not null;

    /// <summary>The recipe search's regularisation choices (<see cref="RecipeChoices.Default"/> unless the options narrow them).</summary>
    public RecipeChoices RecipeValues => Recipe ?? RecipeChoices.Default;

    public static MbConvSpaceOptions Default { get; } = new(
        InputShape.FashionMnist,
        [8, 12, 16, 24],
        [new([1, 2], [12, 16, 24], [1]), new([1, 2, 3], [24, 32, 48], [2]), new([1, 2, 3], [48, 64, 96], [2]), new([0, 1, 2], [64, 96, 128], [1])],
        [1, 2, 3, 4, 6],
        [3, 5],
        [false, true],
        [Activation.Relu, Activation.HardSwish],
        [0, 128, 256],
        SearchRecipe: true,
        Epochs: [4, 8, 12],
        BatchSizes: [64, 128, 256]);

    public static readonly string Schema = """
    {
      "$schema": "http://json-schema.org/draft-07/schema#",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "inputChannels": { "type": "integer", "minimum": 1, "maximum": 4, "description": "Image channels (1 grey, 3 RGB); default 1 (Fashion-MNIST)." },
        "resolution": { "type": "integer", "minimum": 8, "maximum": 512, "description": "Input side in pixels at full fidelity, for the free statistics; default 28." },
        "classes": { "type": "integer", "minimum": 2, "maximum": 1000, "description": "Classes; default 10." },
        "stemWidths": { "$ref": "#/definitions/ints" },
        "stages": {
          "type": "array", "minItems": 1, "maxItems": 8,
          "items": {
            "type": "object", "additionalProperties": false, "required": ["depths", "widths", "strides"],
            "properties": {
              "depths": { "type": "array", "minItems": 1, "items": { "type": "integer", "minimum": 0, "maximum": 16 } },
              "widths": { "$ref": "#/definitions/ints" },
              "strides": { "type": "array", "minItems": 1, "items": { "enum": [1, 2] } }
            }
          },
          "description": "Per stage, the depths (blocks; 0 skips the stage), widths and strides to choose from."
        },
        "expansions": { "type": "array", "minItems": 1, "items": { "type": "integer", "minimum": 1, "maximum": 8 } },
        "blocks": { "type": "array", "minItems": 1, "uniqueItems": true, "items": { "enum": ["mbconv", "fused"] }, "description": "Block kinds each stage chooses from: MBConv (depthwise) and Fused-MBConv (EfficientNetV2: a dense kxk convolution in place of the 1x1 expansion and the depthwise one, several times faster per MAC on CPUs). Omitted: every stage is MBConv and the block is not a gene." },
        "kernels": { "type": "array", "minItems": 1, "items": { "enum": [3, 5, 7] } },
        "squeezeExcite": { "type": "array", "minItems": 1, "items": { "type": "boolean" } },
        "activations": { "type": "array", "minItems": 1, "items": { "enum": ["relu", "hswish"] } },
        "heads": { "type": "array", "minItems": 1, "items": { "type": "integer", "minimum": 0, "maximum": 4096 }, "description": "Widths of the final 1x1 conv; 0 = none." },
        "searchRecipe": { "type": "boolean", "description": "Search the training recipe jointly (default true); false trains every candidate with the default recipe." },
        "epochs": { "$ref": "#/definitions/ints", "description": "Full-fidelity epochs to choose from (a fidelity's e scales them); default [4, 8, 12]." },
        "batchSizes": { "$ref": "#/definitions/ints" },
        "recipeChoices": RECIPE_SCHEMA,
        "measureLatency": { "type": "boolean", "description": "Add latency_ms (CPU, batch 1, median of 20 runs of the untrained network) to the free statistics, so a constraint such as \"latency_ms <= 2\" rejects candidates before training. Measured, so not reproducible across machines or loads; default false." }
      },
      "definitions": {
        "ints": { "type": "array", "minItems": 1, "items": { "type": "integer", "minimum": 1, "maximum": 4096 } }
      }
    }
    """.Replace("RECIPE_SCHEMA", RecipeChoices.Schema, StringComparison.Ordinal);

    public static MbConvSpaceOptions From(JObject options)
    {
        var d = Default;
        var stages = options["stages"] is JArray array
            ? array.Select(s => new StageChoices(Ints(s["depths"]!), Ints(s["widths"]!), Ints(s["strides"]!))).ToList()
            : d.Stages;
        if (stages[0].Depths.Contains(0))
        {
            throw new ComponentConfigurationException("stages[0].depths", "The first stage cannot be skipped: remove depth 0 from its choices.");
        }

        return new MbConvSpaceOptions(
            new InputShape(
                options.Value<int?>("inputChannels") ?? d.Input.Channels,
                options.Value<int?>("resolution") ?? d.Input.Resolution,
                options.Value<int?>("classes") ?? d.Input.Classes),
            options["stemWidths"] is { } stems ? Ints(stems) : d.StemWidths,
            stages,
            options["expansions"] is { } e ? Ints(e) : d.Expansions,
            options["kernels"] is { } k ? Ints(k) : d.Kernels,
            options["squeezeExcite"] is JArray se ? [.. se.Select(t => (bool)t)] : d.SqueezeExcite,
            options["activations"] is JArray acts ? [.. acts.Select(t => (string)t! == "relu" ? Activation.Relu : Activation.HardSwish)] : d.Activations,
            options["heads"] is { } h ? Ints(h) : d.Heads,
            options.Value<bool?>("searchRecipe") ?? d.SearchRecipe,
            options["epochs"] is { } ep ? Ints(ep) : d.Epochs,
            options["batchSizes"] is { } b ? Ints(b) : d.BatchSizes,
            options.Value<bool?>("measureLatency") ?? false,
            RecipeChoices.From(options["recipeChoices"]),
            options["blocks"] is JArray blocks ? [.. blocks.Select(t => (string)t! == "fused" ? BlockKind.Fused : BlockKind.MbConv).Distinct()] : null);
    }

    private static int[] Ints(JToken token) => [.. token.Select(t => (int)t).Distinct()];
}
