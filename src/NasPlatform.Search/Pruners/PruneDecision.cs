namespace NasPlatform.Search.Pruners;

/// <summary>A pruner's reason to stop a trial.</summary>
/// <param name="Step">The step it was judged at.</param>
/// <param name="Value">The trial's value the pruner compared (its best so far for the median rule).</param>
/// <param name="Threshold">What it had to beat (the median of the other trials at that step).</param>
/// <param name="Reason">One line for people, stored with the pruned trial.</param>
public sealed record PruneDecision(int Step, double Value, double Threshold, string Reason);
