namespace NasPlatform.Plugins.Eda.Training;

/// <summary>
/// Scores on one split: Kendall tau of predicted vs true failed-net ratio across all its placements, the
/// mean tau within each routing condition (layers x blockage), hotspot ROC-AUC over all its tiles, and the mean tau
/// among the placement seeds of one design, density and condition (<see cref="KendallTauPlacements"/>).
/// </summary>
/// <param name="KendallTau">Tau over all placements of the split, pooled.</param>
/// <param name="RocAuc">Hotspot ROC-AUC over all tiles of the split.</param>
/// <param name="Samples">How many placements were scored.</param>
/// <param name="KendallTauWithin">The mean tau within each routing condition.</param>
/// <param name="KendallTauPlacements">
/// The mean tau within each group of placements of one design at one density under one routing condition, groups
/// whose labels are all equal skipped: whether the network tells which of a design's placements routes better,
/// which is what a placer asks of it. Design, density and condition give the rest of the ranking away.
/// </param>
public sealed record RoutabilityScores(double KendallTau, double RocAuc, int Samples, double KendallTauWithin = 0, double KendallTauPlacements = 0);
