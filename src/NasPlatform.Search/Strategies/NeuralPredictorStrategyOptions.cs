using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using NasPlatform.Search.Predictors;

namespace NasPlatform.Search.Strategies;

/// <summary>Options of "neural-predictor" (its own, then the predictor's from <see cref="PredictorOptions"/>).</summary>
public sealed record NeuralPredictorStrategyOptions : PredictorOptions
{
    /// <summary>N: random candidates evaluated before the one fit.</summary>
    [Description("N: random candidates evaluated before the predictor is fitted, once.")]
    [Range(2, int.MaxValue)]
    public int TrainingSamples { get; init; } = 50;

    /// <summary>Random candidates the fitted predictor ranks.</summary>
    [Description("Random candidates (meeting the constraints) the fitted predictor ranks; they are evaluated best predicted first.")]
    [Range(1, int.MaxValue)]
    public int PoolSize { get; init; } = 10_000;
}
