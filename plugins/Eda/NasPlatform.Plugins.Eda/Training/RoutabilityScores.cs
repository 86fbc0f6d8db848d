namespace NasPlatform.Plugins.Eda.Training;

/// <summary>
/// Scores on one split: Kendall tau of predicted vs true failed-net ratio across all its placements, the
/// mean tau within each routing condition (layers x blockage), and hotspot ROC-AUC over all its tiles.
/// </summary>
public sealed record RoutabilityScores(double KendallTau, double RocAuc, int Samples, double KendallTauWithin = 0);
