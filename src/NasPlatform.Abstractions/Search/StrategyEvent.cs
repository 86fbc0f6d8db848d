namespace NasPlatform.Abstractions.Search;

/// <summary>
/// Something a strategy reports for the record, such as the quality of its predictor after a
/// refit. The engine stores each event with the number of trials told so far; it never changes
/// the search.
/// </summary>
/// <param name="Kind">What happened, e.g. <see cref="PredictorFitKind"/>.</param>
/// <param name="Summary">One line for people, e.g. "mlp-ensemble trained on 40 trials".</param>
/// <param name="Values">Numbers that come with it, e.g. "kendallTau", "spearmanRho", "trainedOn".</param>
public sealed record StrategyEvent(string Kind, string Summary, IReadOnlyDictionary<string, double> Values)
{
    /// <summary>
    /// Kind of the event predictor-based strategies record at each refit. Values:
    /// "kendallTau" and "spearmanRho" (on held-out trials), "heldOut", "trainedOn", "fitSeconds".
    /// </summary>
    public const string PredictorFitKind = "predictor-fit";
}
