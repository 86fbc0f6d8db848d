namespace NasPlatform.Workflows.Families;

/// <summary>What a family search found, with how far its predictor can be trusted and how fast it scored.</summary>
/// <param name="Predictor">The predictor's name (and whether it was pretrained).</param>
/// <param name="TrainedOn">Trials it was fitted on.</param>
/// <param name="CrossValidationFolds">Folds of the quality check; 0 when skipped.</param>
/// <param name="KendallTau">Kendall tau-b of out-of-fold predictions against the measured values; NaN when skipped.</param>
/// <param name="SpearmanRho">Spearman rho of the same; NaN when skipped.</param>
/// <param name="ScoringThroughput">Candidates the fitted predictor scores per second on encoded batches.</param>
/// <param name="SearchThroughput">Candidates scored per second by the searches, sampling, mutation and encoding included.</param>
/// <param name="Families">One per constraint set, in the order given.</param>
public sealed record FamilySearchResult(
    string Predictor,
    int TrainedOn,
    int CrossValidationFolds,
    double KendallTau,
    double SpearmanRho,
    double ScoringThroughput,
    double SearchThroughput,
    IReadOnlyList<Family> Families);
