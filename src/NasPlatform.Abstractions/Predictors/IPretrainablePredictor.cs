namespace NasPlatform.Abstractions.Predictors;

/// <summary>
/// A predictor whose feature extractor can be pretrained on quantities that cost nothing, such as
/// the free statistics of thousands of sampled candidates (the NARS idea), before it is fitted to
/// measured metrics. <see cref="IPredictor.Fit"/> then starts from the pretrained weights.
/// </summary>
public interface IPretrainablePredictor : IPredictor
{
    /// <summary>True once <see cref="Pretrain"/> has run.</summary>
    bool IsPretrained { get; }

    /// <summary>
    /// Pretrains on <paramref name="encodings"/> and several auxiliary targets per row (for example
    /// the free statistics, each column on its own scale; the predictor normalizes them).
    /// </summary>
    /// <param name="encodings">One row per sampled candidate.</param>
    /// <param name="auxiliaryTargets">One row of equal length per encoding.</param>
    /// <param name="seed">Every random choice derives from it.</param>
    void Pretrain(IReadOnlyList<double[]> encodings, IReadOnlyList<double[]> auxiliaryTargets, int seed);
}
