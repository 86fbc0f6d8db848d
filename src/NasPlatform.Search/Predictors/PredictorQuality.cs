namespace NasPlatform.Search.Predictors;

/// <summary>How well a predictor ranks held-out candidates when trained on n measured ones.</summary>
/// <param name="TrainingSize">n: measured candidates it was trained on.</param>
/// <param name="KendallTau">Kendall tau-b on the held-out candidates, one value per repeat.</param>
/// <param name="SpearmanRho">Spearman rho on the same, one value per repeat.</param>
public sealed record PredictorQuality(int TrainingSize, IReadOnlyList<double> KendallTau, IReadOnlyList<double> SpearmanRho)
{
    public double MeanTau => KendallTau.Average();

    /// <summary>Sample standard deviation of the repeats' tau.</summary>
    public double TauStandardDeviation => KendallTau.Count < 2 ? 0 : Math.Sqrt(KendallTau.Sum(t => (t - MeanTau) * (t - MeanTau)) / (KendallTau.Count - 1));

    public double MeanRho => SpearmanRho.Average();
}
