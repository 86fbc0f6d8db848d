namespace NasPlatform.Eda.Flow;

/// <summary>What one qrouter run tells: first-pass failures, final failures, the congestion estimate.</summary>
public sealed record RoutingOutcome(
    int FirstPassFailed,
    IReadOnlyList<string> FirstPassFailedNets,
    IReadOnlyList<string> FinalFailedNets,
    IReadOnlyDictionary<string, double> Congestion,
    string? RoutedDef);
