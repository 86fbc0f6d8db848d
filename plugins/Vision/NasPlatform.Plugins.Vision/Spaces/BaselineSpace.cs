using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Plugins.Vision.Networks;

namespace NasPlatform.Plugins.Vision.Spaces;

/// <summary>
/// The hand-designed baselines (<see cref="Baselines"/>) as a space: one gene picks the network, and the recipe
/// is the default (or searched, with "searchRecipe"), so a random search over four trials trains each baseline
/// with the same code and data as searched networks.
/// </summary>
public sealed class BaselineSpace : GenomeSpace
{
    public const string Name = "baselines";

    public const string Schema = """
    {
      "$schema": "http://json-schema.org/draft-07/schema#",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "networks": { "type": "array", "minItems": 1, "uniqueItems": true, "items": { "enum": ["lenet5", "two-conv", "resnet-small", "mobilenetv2-like"] }, "description": "Baselines to include; default all four." },
        "inputChannels": { "type": "integer", "minimum": 1, "maximum": 4 },
        "resolution": { "type": "integer", "minimum": 8, "maximum": 512 },
        "classes": { "type": "integer", "minimum": 2, "maximum": 1000 },
        "searchRecipe": { "type": "boolean", "description": "Search the recipe too (default false: every baseline gets the default recipe)." },
        "epochs": { "type": "array", "minItems": 1, "items": { "type": "integer", "minimum": 1 } },
        "batchSizes": { "type": "array", "minItems": 1, "items": { "type": "integer", "minimum": 1 } }
      }
    }
    """;

    private readonly string[] _networks;
    private readonly RecipeGenes _recipe;

    public BaselineSpace(string[] networks, InputShape input, RecipeGenes recipe)
        : base([new Gene("baseline", [.. networks.Select(n => (double)Array.IndexOf([.. Baselines.Names], n))]), .. recipe.Genes], input)
    {
        _networks = networks;
        _recipe = recipe;
    }

    public static BaselineSpace Create(ComponentContext context)
    {
        var o = context.Options;
        var networks = o["networks"] is JArray names ? names.Select(n => (string)n!).ToArray() : [.. Baselines.Names];
        var input = new InputShape(o.Value<int?>("inputChannels") ?? 1, o.Value<int?>("resolution") ?? 28, o.Value<int?>("classes") ?? 10);
        var recipe = new RecipeGenes(
            !(o.Value<bool?>("searchRecipe") ?? false),
            o["epochs"] is JArray e ? [.. e.Select(t => (int)t)] : MbConvSpaceOptions.Default.Epochs,
            o["batchSizes"] is JArray b ? [.. b.Select(t => (int)t)] : MbConvSpaceOptions.Default.BatchSizes);
        return new BaselineSpace(networks, input, recipe);
    }

    protected override VisionCandidate Decode(int[] genome) =>
        new(_networks[genome[0]], 0, [], 0, _recipe.Decode(genome.AsSpan(1)));

    protected override (int[]? Genome, List<string> Problems) Encode(VisionCandidate candidate)
    {
        var index = candidate.Baseline is null ? -1 : Array.IndexOf(_networks, candidate.Baseline);
        if (index < 0)
        {
            return (null, [$"the candidate is not one of this space's baselines ({string.Join(", ", _networks)})"]);
        }

        var (recipe, problems) = _recipe.Encode(candidate.Recipe);
        return recipe is null ? (null, problems) : ([index, .. recipe], problems);
    }
}
