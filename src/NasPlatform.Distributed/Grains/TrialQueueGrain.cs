using Microsoft.Extensions.Logging;
using NasPlatform.Distributed.Contracts;
using Orleans.Concurrency;

namespace NasPlatform.Distributed.Grains;

/// <summary>
/// One session's queue, in memory: the coordinator holds the truth (the store) and offers again
/// whatever a fresh activation lacks, so nothing here needs to be persisted.
/// </summary>
/// <remarks>
/// Reentrant: <see cref="Collect"/> and <see cref="Lease"/> wait for work or reports, and the
/// other calls must go on meanwhile. All calls still run one at a time on the grain's scheduler, so
/// the state needs no locks. Leases expire lazily, on the next call: coordinators and workers call
/// at least once a second.
/// </remarks>
[Reentrant]
internal sealed class TrialQueueGrain(ILogger<TrialQueueGrain> logger) : Grain, ITrialQueueGrain
{
    private readonly Guid _epoch = Guid.NewGuid();
    private readonly Dictionary<int, QueuedTrial> _trials = [];
    private readonly SortedSet<int> _waiting = [];
    private readonly Dictionary<int, TrialReport> _uncollected = [];
    private readonly Dictionary<int, TrialProgress> _progress = [];
    private readonly HashSet<int> _reported = [];
    private TaskCompletionSource _workArrived = new();
    private TaskCompletionSource _reportArrived = new();
    private SessionSetup? _setup;
    private bool _closed;

    public Task<Guid> Open(SessionSetup setup)
    {
        _setup = setup;
        _closed = false;
        return Task.FromResult(_epoch);
    }

    public Task<SessionSetup?> Setup() => Task.FromResult(_closed ? null : _setup);

    public Task Offer(TrialWork work)
    {
        if (!_trials.ContainsKey(work.Number) && !_reported.Contains(work.Number))
        {
            _trials.Add(work.Number, new QueuedTrial(work));
            _waiting.Add(work.Number);
            Signal(ref _workArrived);
        }

        return Task.CompletedTask;
    }

    public Task Withdraw(int number)
    {
        _trials.Remove(number);
        _waiting.Remove(number);
        return Task.CompletedTask;
    }

    public Task Close()
    {
        _closed = true;
        _trials.Clear();
        _waiting.Clear();
        return Task.CompletedTask;
    }

    public async Task<ReportBatch> Collect(TimeSpan wait)
    {
        RequeueExpired();
        if (_uncollected.Count == 0 && wait > TimeSpan.Zero)
        {
            await Task.WhenAny(_reportArrived.Task, Task.Delay(wait));
            RequeueExpired();
        }

        var reports = _uncollected.Values.OrderBy(r => r.Number).ToArray();
        _uncollected.Clear();
        var progress = _progress.Values.OrderBy(p => p.Number).ToArray();
        _progress.Clear();
        return new ReportBatch(_epoch, reports, progress);
    }

    public async Task<TrialLease?> Lease(string worker, TimeSpan wait)
    {
        RequeueExpired();
        if (Next(worker) is { } lease)
        {
            return lease;
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.WhenAny(_workArrived.Task, Task.Delay(wait));
            RequeueExpired();
            return Next(worker);
        }

        return null;
    }

    public Task<bool> Heartbeat(int number, Guid leaseId, TrialProgress? progress = null)
    {
        RequeueExpired();
        if (_closed || !_trials.TryGetValue(number, out var trial) || trial.LeaseId != leaseId)
        {
            return Task.FromResult(false);
        }

        trial.Expires = DateTime.UtcNow + LeaseDuration;
        if (progress is not null)
        {
            // Only the latest counts: a console shows where a trial is, not its history.
            _progress[number] = progress with { Number = number };
        }

        return Task.FromResult(true);
    }

    public Task<bool> Report(TrialReport report)
    {
        // The first report of a trial counts, whichever lease it came from (the evaluation seed is
        // the trial's, so a late report of an expired lease is as good as the re-run's).
        if (!_reported.Add(report.Number))
        {
            logger.LogInformation("Trial {Number}: a second report (from {Worker}) was dropped.", report.Number, report.Worker);
            return Task.FromResult(false);
        }

        _trials.Remove(report.Number);
        _waiting.Remove(report.Number);
        _progress.Remove(report.Number);
        _uncollected[report.Number] = report;
        Signal(ref _reportArrived);
        return Task.FromResult(true);
    }

    private TimeSpan LeaseDuration => TimeSpan.FromSeconds(_setup?.LeaseSeconds ?? 10);

    private TrialLease? Next(string worker)
    {
        if (_closed || _setup is null || _waiting.Count == 0)
        {
            return null;
        }

        var number = _waiting.Min;
        _waiting.Remove(number);
        var trial = _trials[number];
        trial.LeaseId = Guid.NewGuid();
        trial.Worker = worker;
        trial.Expires = DateTime.UtcNow + LeaseDuration;
        trial.Leases++;
        return new TrialLease(trial.LeaseId.Value, trial.Work);
    }

    private void RequeueExpired()
    {
        var now = DateTime.UtcNow;
        foreach (var trial in _trials.Values.Where(t => t.LeaseId is not null && t.Expires < now))
        {
            logger.LogWarning("Trial {Number}: worker {Worker} sent no heartbeat for {Seconds} s; the trial goes back to the queue.",
                trial.Work.Number, trial.Worker, LeaseDuration.TotalSeconds);
            trial.LeaseId = null;
            trial.Worker = null;
            _waiting.Add(trial.Work.Number);
            Signal(ref _workArrived);
        }
    }

    /// <summary>Wakes every waiter and arms a fresh signal for the next ones.</summary>
    private static void Signal(ref TaskCompletionSource signal)
    {
        var fired = signal;
        signal = new TaskCompletionSource();
        fired.TrySetResult();
    }
}
