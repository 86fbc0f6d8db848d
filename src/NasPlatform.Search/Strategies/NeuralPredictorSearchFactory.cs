using NasPlatform.Search.Predictors;
using NasPlatform.Abstractions.Search;

namespace NasPlatform.Search.Strategies;

/// <summary>"neural-predictor": the one-round recipe (<see cref="NeuralPredictorSearch"/>): train on N random, rank a pool, evaluate the top.</summary>
public sealed class NeuralPredictorSearchFactory(PredictorCatalog predictors) : ISearchStrategyFactory
{
    public const string StrategyName = "neural-predictor";

    public const int DefaultTrainingSamples = 50;

    public const int DefaultPoolSize = 10_000;

    public string Name => StrategyName;

    public string Description => "Neural predictor (one round): evaluate N random candidates, fit the predictor, evaluate a large random pool best-predicted first.";

    public string OptionsSchema => $$"""
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "title": "neural-predictor strategy options",
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "trainingSamples": { "description": "N: random candidates evaluated before the predictor is fitted, once.", "type": "integer", "minimum": 2, "default": {{DefaultTrainingSamples}} },
            "poolSize": { "description": "Random candidates (meeting the constraints) the fitted predictor ranks; they are evaluated best predicted first.", "type": "integer", "minimum": 1, "default": {{DefaultPoolSize}} },
        {{PredictorSettings.SchemaProperties}}
          }
        }
        """;

    public ISearchStrategy Create(StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.Options;
        return new NeuralPredictorSearch(
            context,
            options.Value<int?>("trainingSamples") ?? DefaultTrainingSamples,
            options.Value<int?>("poolSize") ?? DefaultPoolSize,
            PredictorSettings.FromOptions(options, $"Strategy '{StrategyName}'"),
            predictors);
    }
}
