namespace NasPlatform.Abstractions.Predictors;

/// <summary>
/// An accuracy predictor: a regression model from a candidate's encoding (<see cref="Spaces.ISearchSpace.Encode"/>)
/// to a scalar, such as a metric's utility. It knows nothing of domains: only fixed-length vectors
/// and numbers. Implementations are not thread-safe while fitting; <see cref="Predict"/> may be
/// called from several threads once fitted.
/// </summary>
public interface IPredictor
{
    /// <summary>Short name, e.g. "mlp-ensemble" or "gp".</summary>
    string Name { get; }

    /// <summary>True once <see cref="Fit"/> has run.</summary>
    bool IsFitted { get; }

    /// <summary>
    /// Fits the model to <paramref name="encodings"/> (rows of equal length) and their
    /// <paramref name="targets"/>, replacing any earlier fit. The same data and seed give the same model.
    /// </summary>
    /// <param name="encodings">One row per example.</param>
    /// <param name="targets">One finite value per row.</param>
    /// <param name="seed">Every random choice of the fit (initial weights, folds) derives from it.</param>
    /// <exception cref="ArgumentException">No rows, rows of different lengths, or a count mismatch.</exception>
    void Fit(IReadOnlyList<double[]> encodings, IReadOnlyList<double> targets, int seed);

    /// <summary>Predicts every row: the mean and a spread (a standard deviation; 0 when the model has no notion of uncertainty).</summary>
    /// <exception cref="InvalidOperationException">Called before <see cref="Fit"/>.</exception>
    Prediction Predict(IReadOnlyList<double[]> encodings);
}
