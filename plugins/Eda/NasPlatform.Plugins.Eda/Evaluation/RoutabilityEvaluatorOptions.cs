using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Plugins;
using Newtonsoft.Json.Linq;

namespace NasPlatform.Plugins.Eda.Evaluation;

/// <summary>Where the dataset is, how it is split by design, and the fidelities (epoch scale x data fraction).</summary>
public sealed record RoutabilityEvaluatorOptions(
    string Dataset,
    IReadOnlyList<string> ValidationDesigns,
    IReadOnlyList<string> TestDesigns,
    int HeldOutDesigns,
    int SplitSeed,
    IReadOnlyList<Fidelity> Fidelities)
{
    public const string Schema = """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "title": "routability evaluator options",
          "type": "object",
          "additionalProperties": false,
          "required": ["dataset"],
          "properties": {
            "dataset": { "type": "string", "description": "Folder built by 'nas eda dataset' (relative to the experiment file)." },
            "validationDesigns": { "type": "array", "items": { "type": "string" }, "description": "Designs scored for the search (val_* metrics); default: drawn with splitSeed." },
            "testDesigns": { "type": "array", "items": { "type": "string" }, "description": "Designs held out for reporting (test_* metrics); default: drawn with splitSeed." },
            "heldOutDesigns": { "type": "integer", "minimum": 1, "default": 3, "description": "Designs drawn for each of validation and test when not named." },
            "splitSeed": { "type": "integer", "default": 0, "description": "Seed of the design split (fixed across trials)." },
            "fidelities": {
              "type": "array", "minItems": 1,
              "items": {
                "type": "object", "additionalProperties": false, "required": ["name", "epochScale", "dataFraction"],
                "properties": {
                  "name": { "type": "string" },
                  "epochScale": { "type": "number", "exclusiveMinimum": 0, "maximum": 1 },
                  "dataFraction": { "type": "number", "exclusiveMinimum": 0, "maximum": 1 }
                }
              },
              "description": "Training budgets, cheapest first; cost = epochScale x dataFraction. Default: quarter (0.25 x 0.5), half (0.5 x 1), full (1 x 1)."
            }
          }
        }
        """;

    public static IReadOnlyList<Fidelity> DefaultFidelities { get; } = [Make("quarter", 0.25, 0.5), Make("half", 0.5, 1), Make("full", 1, 1)];

    public static Fidelity Make(string name, double epochScale, double dataFraction) =>
        new(name, epochScale * dataFraction, new Dictionary<string, double> { ["epochScale"] = epochScale, ["dataFraction"] = dataFraction });

    public static RoutabilityEvaluatorOptions Parse(ComponentContext context)
    {
        var o = context.Options;
        var dataset = o.Value<string>("dataset") ?? throw new ComponentConfigurationException("dataset", "dataset is required: the folder 'nas eda dataset' built.");
        var path = context.ResolvePath(dataset);
        if (!Directory.Exists(Path.Combine(path, "samples")))
            throw new ComponentConfigurationException("dataset", $"{path} is not a dataset folder (no samples/); build it with 'nas eda dataset {dataset}'.");
        var fidelities = o["fidelities"] is JArray list
            ? list.Select(f => Make(f.Value<string>("name")!, f.Value<double>("epochScale"), f.Value<double>("dataFraction"))).ToList()
            : DefaultFidelities;
        return new RoutabilityEvaluatorOptions(
            path,
            o["validationDesigns"]?.ToObject<List<string>>() ?? [],
            o["testDesigns"]?.ToObject<List<string>>() ?? [],
            o.Value<int?>("heldOutDesigns") ?? 3,
            o.Value<int?>("splitSeed") ?? 0,
            fidelities);
    }
}
