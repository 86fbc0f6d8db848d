namespace NasPlatform.Distributed.Contracts;

/// <summary>
/// One coordinator session's trials (keyed by session id): the coordinator offers trials and
/// collects reports; workers lease trials, send heartbeats and report. A lease that misses its
/// heartbeats goes back to the queue, so a dead worker's trial runs elsewhere. Reports are keyed by
/// trial number: the first one counts, later ones are dropped.
/// </summary>
public interface ITrialQueueGrain : IGrainWithStringKey
{
    /// <summary>Sets what workers need to evaluate this session's trials; returns the activation's epoch.</summary>
    Task<Guid> Open(SessionSetup setup);

    /// <summary>The session's setup; null before <see cref="Open"/> (or after the grain was lost and not yet re-opened).</summary>
    Task<SessionSetup?> Setup();

    /// <summary>Queues a trial unless it is already queued, leased or reported.</summary>
    Task Offer(TrialWork work);

    /// <summary>Withdraws a trial (the run stopped): its lease is refused at the next heartbeat.</summary>
    Task Withdraw(int number);

    /// <summary>Closes the session: no more leases, every heartbeat is refused.</summary>
    Task Close();

    /// <summary>Waits up to <paramref name="wait"/> for reports and returns those not collected yet, with the latest progress of running trials.</summary>
    Task<ReportBatch> Collect(TimeSpan wait);

    /// <summary>Leases the next queued trial to <paramref name="worker"/>, waiting up to <paramref name="wait"/> for one; null when none came.</summary>
    Task<TrialLease?> Lease(string worker, TimeSpan wait);

    /// <summary>Renews a lease; false when it is no longer this worker's (expired and re-queued, withdrawn, reported or closed).</summary>
    /// <param name="number">The trial.</param>
    /// <param name="leaseId">The lease being renewed.</param>
    /// <param name="progress">The evaluation's latest progress since the last beat, for the coordinator; null when there is none.</param>
    Task<bool> Heartbeat(int number, Guid leaseId, TrialProgress? progress = null);

    /// <summary>Delivers a trial's report; false when one was already delivered (a duplicate).</summary>
    Task<bool> Report(TrialReport report);
}
