namespace NasPlatform.Distributed.Contracts;

/// <summary>A trial handed to one worker until its lease runs out; heartbeats renew it.</summary>
/// <param name="LeaseId">Names this hand-out: after a re-queue the trial gets a new one, and heartbeats for the old one are refused.</param>
/// <param name="Work">The trial.</param>
[GenerateSerializer, Immutable]
public sealed record TrialLease(Guid LeaseId, TrialWork Work);
