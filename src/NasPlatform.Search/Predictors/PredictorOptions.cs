using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace NasPlatform.Search.Predictors;

/// <summary>
/// The predictor options of predictor-based strategies, as they appear (flat) in <c>strategy.options</c>; strategies'
/// options records derive from it. <see cref="PredictorSettings.From(PredictorOptions)"/> turns them into settings.
/// Defaults were tuned on NAS-Bench-201 (docs/benchmarks.md) and are written once, in <see cref="PredictorSettings"/>,
/// <see cref="MlpEnsembleOptions"/> and <see cref="PredictorSearchOptions"/>.
/// </summary>
public record PredictorOptions
{
    private static readonly PredictorSettings Defaults = new();

    /// <summary>The accuracy predictor.</summary>
    [Description("The accuracy predictor: an MLP ensemble in TorchSharp, or the Gaussian-process baseline.")]
    [AllowedValues(MlpEnsembleOptions.PredictorName, GaussianProcessPredictor.PredictorName)]
    public string Predictor { get; init; } = Defaults.Predictor;

    /// <summary>Pretrain the MLP's trunk on free statistics.</summary>
    [Description("Pretrain the MLP's trunk on the free statistics of pretrainSamples sampled candidates (NARS) before fitting measured metrics.")]
    public bool Pretrain { get; init; } = Defaults.Pretrain;

    /// <summary>Candidates sampled for pretraining.</summary>
    [Description("Candidates sampled for pretraining.")]
    [Range(10, int.MaxValue)]
    public int PretrainSamples { get; init; } = Defaults.PretrainSamples;

    /// <summary>MLP ensemble members.</summary>
    [Description("MLP ensemble members; their spread is the uncertainty.")]
    [Range(1, 64)]
    public int EnsembleSize { get; init; } = Defaults.Mlp.EnsembleSize;

    /// <summary>Units per hidden layer.</summary>
    [Description("Units per hidden layer of each MLP.")]
    [Range(1, 4096)]
    public int HiddenWidth { get; init; } = Defaults.Mlp.HiddenWidth;

    /// <summary>Hidden layers.</summary>
    [Description("Hidden layers of each MLP.")]
    [Range(1, 8)]
    public int HiddenLayers { get; init; } = Defaults.Mlp.HiddenLayers;

    /// <summary>Full-batch Adam steps per fit.</summary>
    [Description("Full-batch Adam steps per fit on measured metrics.")]
    [Range(1, int.MaxValue)]
    public int Epochs { get; init; } = Defaults.Mlp.Epochs;

    /// <summary>Adam's learning rate.</summary>
    [Description("Adam's learning rate.")]
    [Range(0.0, double.PositiveInfinity, MinimumIsExclusive = true)]
    public double LearningRate { get; init; } = Defaults.Mlp.LearningRate;

    /// <summary>L2 penalty on the weights.</summary>
    [Description("L2 penalty on the MLP's weights.")]
    [Range(0.0, double.PositiveInfinity)]
    public double WeightDecay { get; init; } = Defaults.Mlp.WeightDecay;

    /// <summary>Weight of the pairwise ranking loss.</summary>
    [Description("Weight of a pairwise ranking (RankNet) loss added to the MSE; 0 for MSE alone.")]
    [Range(0.0, double.PositiveInfinity)]
    public double RankingLossWeight { get; init; } = Defaults.Mlp.RankingLossWeight;

    /// <summary>Random candidates that start each search on the predictor.</summary>
    [Description("Random candidates that start each evolutionary search on the predictor.")]
    [Range(0, int.MaxValue)]
    public int SearchSamples { get; init; } = Defaults.Search.RandomSamples;

    /// <summary>Generations of the search on the predictor.</summary>
    [Description("Generations of the evolutionary search on the predictor.")]
    [Range(0, int.MaxValue)]
    public int SearchGenerations { get; init; } = Defaults.Search.Generations;

    /// <summary>Parents per generation of the search on the predictor.</summary>
    [Description("Best-predicted candidates that parent each generation of the search on the predictor.")]
    [Range(1, int.MaxValue)]
    public int SearchParents { get; init; } = Defaults.Search.Parents;

    /// <summary>Mutants per parent per generation.</summary>
    [Description("Mutants per parent per generation of the search on the predictor.")]
    [Range(0, int.MaxValue)]
    public int SearchMutations { get; init; } = Defaults.Search.MutationsPerParent;
}
