using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Distributed.Contracts;
using NasPlatform.Engine.Plugins;
using NasPlatform.Engine.Running;
using Orleans.Runtime;

namespace NasPlatform.Distributed.Worker;

/// <summary>
/// The work of one worker silo: announces itself to the directory every second, and runs
/// <see cref="WorkerOptions.Slots"/> slot loops that lease trials from the open sessions, evaluate
/// them here with the session's evaluator, renew the lease while they run and report the result.
/// Starts when the silo is active in the cluster and stops with it.
/// </summary>
// The silo's container owns this loop for the life of the process; its token source stays undisposed on purpose,
// because loops abandoned after the stop grace may still read the token, and the process ends right after.
#pragma warning disable CA1001
internal sealed class WorkerLoop : ILifecycleParticipant<ISiloLifecycle>
#pragma warning restore CA1001
{
    private static readonly TimeSpan LeaseWait = TimeSpan.FromSeconds(1);
    private readonly IGrainFactory _grains;
    private readonly WorkerOptions _options;
    private readonly PluginIdentity[] _plugins;
    private readonly SessionEvaluators _evaluators;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _loops = [];
    private volatile string[] _sessions = [];

    public WorkerLoop(IGrainFactory grains, ILocalSiloDetails silo, PluginCatalog plugins, WorkerOptions options)
    {
        _grains = grains;
        _options = options;
        Id = $"{Environment.MachineName}:{Environment.ProcessId}@{silo.SiloAddress.Endpoint}";
        _plugins = plugins.Plugins.Select(p => new PluginIdentity(p.Description.Id, p.Description.Version)).ToArray();
        _evaluators = new SessionEvaluators(plugins, Id, Log, options.RunPluginCommand);
    }

    /// <summary>This worker's name in the directory, in leases and in reports.</summary>
    public string Id { get; }

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(WorkerLoop), ServiceLifecycleStage.Active, StartAsync, StopAsync);

    private Task StartAsync(CancellationToken cancellationToken)
    {
        _loops.Add(Task.Run(() => AnnounceAsync(_stopping.Token), CancellationToken.None));
        for (var slot = 0; slot < _options.Slots; slot++)
        {
            var index = slot;
            _loops.Add(Task.Run(() => SlotAsync(index, _stopping.Token), CancellationToken.None));
        }

        Log($"Worker {Id}: {_options.Slots} slot(s), plugins {string.Join(", ", _plugins.Select(p => p.ToString()))}.");
        return Task.CompletedTask;
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        // Trials cut short here are not reported; their leases lapse and they run elsewhere. The wait
        // ends early when the silo's stop turns abrupt (Redis gone: a clean leave cannot finish anyway).
        await Task.WhenAny(Task.WhenAll(_loops), Task.Delay(_options.CancellationGrace + TimeSpan.FromSeconds(1), cancellationToken)).ConfigureAwait(false);
    }

    private async Task AnnounceAsync(CancellationToken stopping)
    {
        var directory = _grains.GetGrain<IWorkerDirectoryGrain>(IWorkerDirectoryGrain.Key);
        var info = new WorkerInfo(Id, _options.Slots, _plugins);
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var sessions = await directory.Heartbeat(info).ConfigureAwait(false);
                _sessions = sessions;
                _evaluators.Forget(sessions);
            }
            catch (Exception e) when (!stopping.IsCancellationRequested)
            {
                Log($"Worker {Id}: the directory did not answer ({e.GetType().Name}); trying again.");
            }

            await Delay(_options.HeartbeatInterval, stopping).ConfigureAwait(false);
        }
    }

    private async Task SlotAsync(int slot, CancellationToken stopping)
    {
        var turn = slot;
        while (!stopping.IsCancellationRequested)
        {
            var sessions = _sessions;
            if (sessions.Length == 0)
            {
                await Delay(TimeSpan.FromMilliseconds(200), stopping).ConfigureAwait(false);
                continue;
            }

            // Slots start at different sessions so several experiments share a worker.
            var session = sessions[turn++ % sessions.Length];
            try
            {
                var queue = _grains.GetGrain<ITrialQueueGrain>(session);
                var setup = await queue.Setup().ConfigureAwait(false);
                var evaluator = setup is null ? null : _evaluators.Get(session, setup);
                if (evaluator?.Evaluator is null)
                {
                    await Delay(TimeSpan.FromMilliseconds(500), stopping).ConfigureAwait(false);
                    continue;
                }

                var lease = await queue.Lease(Id, sessions.Length == 1 ? LeaseWait : TimeSpan.Zero).ConfigureAwait(false);
                if (lease is not null)
                {
                    await RunAsync(queue, evaluator, lease, session, stopping).ConfigureAwait(false);
                }
                else if (sessions.Length > 1)
                {
                    await Delay(TimeSpan.FromMilliseconds(100), stopping).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (!stopping.IsCancellationRequested)
            {
                Log($"Worker {Id}, slot {slot}: session {session} did not answer ({e.GetType().Name}: {e.Message}); trying again.");
                await Delay(TimeSpan.FromMilliseconds(500), stopping).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Evaluates a leased trial, renewing the lease meanwhile; reports unless the lease was lost or the worker stops.</summary>
    private async Task RunAsync(ITrialQueueGrain queue, SessionEvaluator session, TrialLease lease, string sessionId, CancellationToken stopping)
    {
        var work = lease.Work;
        var what = Describe(session.Setup, work);
        Log($"{what}: {(session.Setup.RunsCommandLines ? "running" : "evaluating")}.");
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var latest = new LatestProgress();
        Task<EvaluationOutcome> evaluation;
        try
        {
            var fidelity = session.Evaluator!.Fidelities.FirstOrDefault(f => f.Name == work.Fidelity)
                ?? throw new InvalidOperationException($"the evaluator on worker {Id} offers no fidelity '{work.Fidelity}'");
            var request = new EvaluationRequest(Candidate.Parse(work.CandidateJson), fidelity, work.Seed, WorkDirectory(sessionId, work));
            var timeout = work.TimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
            evaluation = TrialExecution.RunAsync(session.Evaluator, request, timeout, _options.CancellationGrace, latest, cancel.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            evaluation = Task.FromResult(new EvaluationOutcome(null, $"{e.GetType().Name}: {e.Message}", false));
        }

        var beat = TimeSpan.FromSeconds(session.Setup.LeaseSeconds / 4);
        var lost = false;
        while (!evaluation.IsCompleted)
        {
            await Task.WhenAny(evaluation, Task.Delay(beat, CancellationToken.None)).ConfigureAwait(false);
            if (evaluation.IsCompleted || lost)
            {
                continue;
            }

            try
            {
                var progress = latest.Take() is { } p ? new TrialProgress(work.Number, Id, p.Fraction, p.Message, new Dictionary<string, double>(p.Metrics, StringComparer.Ordinal)) : null;
                if (!await queue.Heartbeat(work.Number, lease.LeaseId, progress).ConfigureAwait(false))
                {
                    // Withdrawn, closed, or re-queued after missed beats: another worker has it now.
                    lost = true;
                    await cancel.CancelAsync().ConfigureAwait(false);
                }
            }
            catch (Exception e)
            {
                // The queue's silo may be gone; keep evaluating, the report goes to its next activation.
                Log($"Worker {Id}: heartbeat for trial {work.Number} failed ({e.GetType().Name}).");
            }
        }

        var outcome = await evaluation.ConfigureAwait(false);
        if (lost || outcome.Interrupted)
        {
            Log($"{what}: {(lost ? "its lease was withdrawn or passed to another worker" : "stopped with the worker")}; not reported.");
            return;
        }

        var report = new TrialReport(
            work.Number,
            Id,
            outcome.Result?.Metrics.ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal),
            outcome.Result?.Artifacts.Select(a => new ArtifactReference(a.Name, a.Path)).ToArray() ?? [],
            outcome.Error);
        await DeliverAsync(queue, report, stopping).ConfigureAwait(false);
        Log($"{what}: reported{(outcome.Error is null ? string.Empty : " (failed: " + outcome.Error + ")")}.");
    }

    private async Task DeliverAsync(ITrialQueueGrain queue, TrialReport report, CancellationToken stopping)
    {
        // Retried while the queue's silo is being replaced; the queue drops a duplicate.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await queue.Report(report).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (attempt < 30 && !stopping.IsCancellationRequested)
            {
                Log($"Worker {Id}: report of trial {report.Number} failed ({e.GetType().Name}); trying again.");
                await Delay(TimeSpan.FromSeconds(1), stopping).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The coordinator's trial directory when this machine sees it (same machine, shared disk); a fresh one of this worker's otherwise.</summary>
    private string WorkDirectory(string sessionId, TrialWork work)
    {
        if (Directory.Exists(work.WorkDirectory))
        {
            return work.WorkDirectory;
        }

        var directory = Path.Combine(_options.WorkRoot, sessionId, $"trial-{work.Number}");
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>"Trial 7 of 'nb201'", or for a plugin command's session the line itself: "'nas eda dataset' line 3 (eda dataset DIR --placement KEY)".</summary>
    private static string Describe(SessionSetup setup, TrialWork work)
    {
        if (!setup.RunsCommandLines)
        {
            return $"Trial {work.Number} of '{setup.Experiment}'";
        }

        var words = Newtonsoft.Json.Linq.JObject.Parse(work.CandidateJson)["commandLine"]?.ToObject<string[]>() ?? [];
        return $"'{setup.Experiment}' line {work.Number} ({string.Join(' ', words)})";
    }

    private void Log(string line) => _options.Log?.Invoke(line);

    private static async Task Delay(TimeSpan delay, CancellationToken stopping)
    {
        try
        {
            await Task.Delay(delay, stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the loop condition ends the loop.
        }
    }
}
