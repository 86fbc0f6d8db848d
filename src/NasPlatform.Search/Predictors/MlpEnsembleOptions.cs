namespace NasPlatform.Search.Predictors;

/// <summary>Settings of the MLP-ensemble predictor (NasPlatform.Search.Torch's MlpEnsemble); the defaults were tuned on NAS-Bench-201 (docs/benchmarks.md).</summary>
public sealed record MlpEnsembleOptions
{
    /// <summary>The name strategies and commands use for the MLP-ensemble predictor.</summary>
    public const string PredictorName = "mlp-ensemble";

    /// <summary>K: members, each with its own initial weights; their spread is the uncertainty.</summary>
    public int EnsembleSize { get; init; } = 5;

    /// <summary>Units of each hidden layer.</summary>
    public int HiddenWidth { get; init; } = 64;

    /// <summary>Hidden layers (the trunk that pretraining shapes).</summary>
    public int HiddenLayers { get; init; } = 2;

    /// <summary>Full-batch Adam steps of each fit on measured metrics.</summary>
    public int Epochs { get; init; } = 300;

    /// <summary>Adam's learning rate.</summary>
    public double LearningRate { get; init; } = 3e-3;

    /// <summary>L2 penalty on the weights (Adam's weight decay).</summary>
    public double WeightDecay { get; init; } = 1e-4;

    /// <summary>Weight of the pairwise (RankNet) ranking loss added to the MSE; 0 for MSE alone.</summary>
    public double RankingLossWeight { get; init; }

    /// <summary>Passes over the pretraining sample.</summary>
    public int PretrainEpochs { get; init; } = 30;

    /// <summary>Mini-batch size when pretraining.</summary>
    public int PretrainBatchSize { get; init; } = 128;

    /// <summary>Rows scored per forward pass when predicting; larger inputs are split into chunks of this size, scored in parallel.</summary>
    public int PredictBatchSize { get; init; } = 8192;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for settings that cannot work.</summary>
    public void Check()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(EnsembleSize, 1, nameof(EnsembleSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(HiddenWidth, 1, nameof(HiddenWidth));
        ArgumentOutOfRangeException.ThrowIfLessThan(HiddenLayers, 1, nameof(HiddenLayers));
        ArgumentOutOfRangeException.ThrowIfLessThan(Epochs, 1, nameof(Epochs));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(LearningRate, nameof(LearningRate));
        ArgumentOutOfRangeException.ThrowIfNegative(WeightDecay, nameof(WeightDecay));
        ArgumentOutOfRangeException.ThrowIfNegative(RankingLossWeight, nameof(RankingLossWeight));
        ArgumentOutOfRangeException.ThrowIfLessThan(PretrainEpochs, 1, nameof(PretrainEpochs));
        ArgumentOutOfRangeException.ThrowIfLessThan(PretrainBatchSize, 1, nameof(PretrainBatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(PredictBatchSize, 1, nameof(PredictBatchSize));
    }
}
