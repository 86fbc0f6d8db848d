using NasPlatform.Search.Predictors;
using NasPlatform.Abstractions.Search;

namespace NasPlatform.Search.Strategies;

/// <summary>"neural-predictor": the one-round recipe (<see cref="NeuralPredictorSearch"/>): train on N random, rank a pool, evaluate the top.</summary>
public sealed class NeuralPredictorSearchFactory(PredictorCatalog predictors) : SearchStrategyFactory<NeuralPredictorStrategyOptions>
{
    public const string StrategyName = "neural-predictor";

    public static readonly int DefaultTrainingSamples = new NeuralPredictorStrategyOptions().TrainingSamples;

    public static readonly int DefaultPoolSize = new NeuralPredictorStrategyOptions().PoolSize;

    public override string Name => StrategyName;

    public override string Description => "Neural predictor (one round): evaluate N random candidates, fit the predictor, evaluate a large random pool best-predicted first.";

    public override ISearchStrategy Create(NeuralPredictorStrategyOptions options, StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        return new NeuralPredictorSearch(context, options.TrainingSamples, options.PoolSize, PredictorSettings.From(options), predictors);
    }
}
