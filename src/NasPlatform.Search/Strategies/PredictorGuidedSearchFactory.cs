using NasPlatform.Search.Predictors;
using NasPlatform.Abstractions.Search;

namespace NasPlatform.Search.Strategies;

/// <summary>
/// "predictor-guided": NARS stage 1 (<see cref="PredictorGuidedSearch"/>). The defaults were tuned
/// on NAS-Bench-201 with seeds other than the benchmark's (docs/benchmarks.md).
/// </summary>
public sealed class PredictorGuidedSearchFactory(PredictorCatalog predictors) : ISearchStrategyFactory
{
    public const string StrategyName = "predictor-guided";

    public string Name => StrategyName;

    public string Description => "Predictor-guided search (NARS stage 1): fit an accuracy predictor, evolve on it under the constraints, evaluate the best predicted plus an uncertain share; repeat.";

    public string OptionsSchema => $$"""
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "title": "predictor-guided strategy options",
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "initialSamples": { "description": "Candidates of the space-filling initial design, evaluated before the first fit.", "type": "integer", "minimum": 2, "default": 20 },
            "batchSize": { "description": "Candidates proposed per round; the predictor is refitted once per round.", "type": "integer", "minimum": 1, "default": 10 },
            "explorationFraction": { "description": "Share of each batch picked by upper confidence bound (mean + explorationWeight × spread) instead of predicted mean.", "type": "number", "minimum": 0, "maximum": 1, "default": 0.2 },
            "localFraction": { "description": "Share of each batch picked by predicted mean among mutants of the best measured candidates (local exploitation, as in BANANAS's mutation acquisition).", "type": "number", "minimum": 0, "maximum": 1, "default": 0.5 },
            "localParents": { "description": "Best measured candidates whose mutants the local picks come from.", "type": "integer", "minimum": 1, "default": 3 },
            "localMutations": { "description": "Mutants drawn per local parent.", "type": "integer", "minimum": 1, "default": 30 },
            "explorationWeight": { "description": "κ in mean + κ × spread for the exploration picks.", "type": "number", "minimum": 0, "default": 2 },
            "initialDesign": { "description": "space-filling: farthest-point picks in the encoding from a random pool; random: plain samples.", "enum": ["space-filling", "random"], "default": "space-filling" },
        {{PredictorSettings.SchemaProperties}}
          }
        }
        """;

    public ISearchStrategy Create(StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.Options;
        var defaults = new PredictorGuidedOptions();
        return new PredictorGuidedSearch(context, new PredictorGuidedOptions
        {
            InitialSamples = options.Value<int?>("initialSamples") ?? defaults.InitialSamples,
            BatchSize = options.Value<int?>("batchSize") ?? defaults.BatchSize,
            ExplorationFraction = options.Value<double?>("explorationFraction") ?? defaults.ExplorationFraction,
            ExplorationWeight = options.Value<double?>("explorationWeight") ?? defaults.ExplorationWeight,
            LocalFraction = options.Value<double?>("localFraction") ?? defaults.LocalFraction,
            LocalParents = options.Value<int?>("localParents") ?? defaults.LocalParents,
            LocalMutations = options.Value<int?>("localMutations") ?? defaults.LocalMutations,
            SpaceFillingDesign = (options.Value<string>("initialDesign") ?? "space-filling") == "space-filling",
            Predictor = PredictorSettings.FromOptions(options, $"Strategy '{StrategyName}'"),
        }, predictors);
    }
}
