namespace NasPlatform.Distributed.Contracts;

/// <summary>Reports collected from a queue, with the queue activation they came from.</summary>
/// <param name="Epoch">
/// Changes when the queue's grain was activated afresh (its silo died): the coordinator then offers
/// every trial it still waits for again.
/// </param>
/// <param name="Reports">Reports not collected before, first per trial number.</param>
/// <param name="Progress">The latest progress per leased trial that arrived since the last collection.</param>
[GenerateSerializer, Immutable]
public sealed record ReportBatch(Guid Epoch, TrialReport[] Reports, TrialProgress[] Progress);
