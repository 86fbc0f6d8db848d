namespace NasPlatform.Search.Pruners;

/// <summary>The intermediate values one trial reported, by step, as a pruner compares them.</summary>
/// <param name="Values">The pruner's metric by step.</param>
/// <param name="Completed">True when the trial completed (its evaluation returned); false while it runs, or when it was pruned or failed.</param>
public sealed record TrialHistory(IReadOnlyDictionary<int, double> Values, bool Completed);
