namespace NasPlatform.Plugins.Eda.Training;

/// <summary>Scores on one split: Kendall tau of predicted vs true failed-net ratio across its placements, hotspot ROC-AUC over all its tiles.</summary>
public sealed record RoutabilityScores(double KendallTau, double RocAuc, int Samples);
