using NasPlatform.Abstractions;
using System.Collections.Concurrent;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Distributed.Contracts;
using NasPlatform.Engine;
using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Plugins;
using NasPlatform.Engine.Running;

namespace NasPlatform.Distributed.Coordinator;

/// <summary>
/// Evaluates a run's trials on the workers of an Orleans cluster. The coordinator (this process)
/// still owns the store: it offers each trial to its session's queue and records the report that
/// comes back, first per trial number. A pump collects reports and, when the queue's grain was lost
/// with its silo, offers every trial still awaited again.
/// </summary>
public sealed class ClusterDispatcher : IEvaluationDispatcher, IAsyncDisposable
{
    private static readonly TimeSpan CollectWait = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan SessionRenewal = TimeSpan.FromSeconds(5);
    private readonly IGrainFactory _grains;
    private readonly SessionSetup _setup;
    private readonly string _sessionId;
    private readonly ITrialQueueGrain _queue;
    private readonly IWorkerDirectoryGrain _directory;
    private readonly ClusterDispatchOptions _options;
    private readonly ConcurrentDictionary<int, Awaited> _awaited = new();
    private readonly ConcurrentDictionary<string, int> _reportsByWorker = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _lost = new();
    private Task _pump = Task.CompletedTask;
    private Guid _epoch;
    private volatile bool _offerAll;

    private ClusterDispatcher(IGrainFactory grains, SessionSetup setup, int slots, ClusterDispatchOptions options)
    {
        _grains = grains;
        _setup = setup;
        _options = options;
        _sessionId = $"{setup.Experiment}/{Guid.NewGuid():N}";
        _queue = grains.GetGrain<ITrialQueueGrain>(_sessionId);
        _directory = grains.GetGrain<IWorkerDirectoryGrain>(IWorkerDirectoryGrain.Key);
        Slots = slots;
    }

    public int Slots { get; }

    /// <summary>The workers that were live when the session opened.</summary>
    public IReadOnlyList<WorkerInfo> Workers { get; private init; } = [];

    /// <summary>How many recorded results each worker delivered.</summary>
    public IReadOnlyDictionary<string, int> ReportsByWorker => _reportsByWorker;

    /// <summary>Trials offered again because their queue's grain was lost (0 in a quiet run).</summary>
    public int Reoffers { get; private set; }

    /// <summary>
    /// Fires when the cluster has not answered for <see cref="ClusterDispatchOptions.UnreachableLimit"/>:
    /// the caller stops its run (links this into the <c>shutdown</c> token it passes to
    /// <see cref="EvaluateAsync"/>), and every awaited trial then comes back interrupted (left running
    /// in the store, queued again by a resume). Unlinked, awaited trials keep waiting for the cluster.
    /// </summary>
    public CancellationToken Lost => _lost.Token;

    /// <summary>Why <see cref="Lost"/> fired; null while the cluster answers.</summary>
    public string? LostReason { get; private set; }

    /// <summary>
    /// Waits for workers, checks that every one has the experiment's plugin at the coordinator's
    /// version, and opens a session for the run.
    /// </summary>
    /// <exception cref="NasConfigurationException">No worker came, or a worker has another version of the plugin (or lacks it).</exception>
    public static async Task<ClusterDispatcher> OpenAsync(IGrainFactory grains, ExperimentSpec spec, PluginCatalog plugins, ClusterDispatchOptions options, CancellationToken cancellationToken = default)
    {
        var local = plugins.Find(spec.Plugin)
            ?? throw new NasConfigurationException($"Experiment '{spec.Name}': no plugin '{spec.Plugin}' is loaded on the coordinator: {plugins.WhyNotLoaded(spec.Plugin)}");
        return await OpenAsync(grains, spec, new PluginIdentity(local.Description.Id, local.Description.Version), options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>As the public overload, with the plugin identity the workers must match given directly.</summary>
    internal static Task<ClusterDispatcher> OpenAsync(IGrainFactory grains, ExperimentSpec spec, PluginIdentity plugin, ClusterDispatchOptions options, CancellationToken cancellationToken = default) =>
        OpenAsync(grains, new SessionSetup(spec.Name, spec.Document.ToString(Newtonsoft.Json.Formatting.None), spec.BaseDirectory, plugin, options.LeaseSeconds), options, cancellationToken);

    /// <summary>Opens a session for <paramref name="setup"/> (an experiment's, or a plugin command's: <see cref="SessionSetup.RunsCommandLines"/>).</summary>
    /// <exception cref="NasConfigurationException">No worker came, or a worker has another version of the plugin (or lacks it).</exception>
    internal static async Task<ClusterDispatcher> OpenAsync(IGrainFactory grains, SessionSetup setup, ClusterDispatchOptions options, CancellationToken cancellationToken = default)
    {
        var directory = grains.GetGrain<IWorkerDirectoryGrain>(IWorkerDirectoryGrain.Key);
        var workers = await WaitForWorkersAsync(directory, options, cancellationToken).ConfigureAwait(false);
        var mismatches = workers.Select(w => PluginMismatch(w, setup.Plugin)).OfType<string>().ToList();
        if (mismatches.Count > 0)
        {
            throw new NasConfigurationException(string.Join(Environment.NewLine, mismatches));
        }

        var slots = workers.Sum(w => w.Slots);
        if (options.MaxSlots is { } max)
        {
            slots = Math.Min(slots, max);
        }

        var dispatcher = new ClusterDispatcher(grains, setup, slots, options) { Workers = workers };
        var deadline = DateTime.UtcNow + options.WorkerWait;
        dispatcher._epoch = await Transient(() => dispatcher._queue.Open(setup), deadline, cancellationToken).ConfigureAwait(false);
        await Transient(async () => { await directory.OpenSession(dispatcher._sessionId).ConfigureAwait(false); return 0; }, deadline, cancellationToken).ConfigureAwait(false);
        dispatcher._pump = Task.Run(() => dispatcher.PumpAsync(dispatcher._stop.Token), CancellationToken.None);
        options.Log?.Invoke($"Cluster: {workers.Length} worker(s), {slots} slot(s): {string.Join(", ", workers.Select(w => $"{w.Id} ({w.Slots})"))}.");
        return dispatcher;
    }

    public string DescribeSlot(int slot) => $"cluster/{slot}";

    public async Task<EvaluationOutcome> EvaluateAsync(TrialDispatch dispatch, int slot, IProgress<EvaluationProgress> progress, CancellationToken shutdown)
    {
        var request = dispatch.Request;
        var work = new TrialWork(dispatch.Number, request.Candidate.Json, request.Fidelity.Name, request.Seed, request.WorkDirectory, dispatch.Timeout?.TotalSeconds);
        var awaited = new Awaited(work, progress);
        _awaited[work.Number] = awaited;
        try
        {
            await _queue.Offer(work).WaitAsync(shutdown).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // Also thrown at once while no gateway answers. The pump offers it again once the queue answers.
            _offerAll = true;
            if (!shutdown.IsCancellationRequested && !_lost.IsCancellationRequested)
            {
                Log($"Offering trial {work.Number} failed ({e.GetType().Name}); it is offered again when the cluster answers.");
            }
        }

        TrialReport report;
        try
        {
            // Not ended by Lost itself: the run must stop first (the caller links Lost into shutdown),
            // or it would start new trials that come back interrupted at once, without end.
            report = await awaited.Report.Task.WaitAsync(shutdown).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
        {
            _awaited.TryRemove(work.Number, out _);
            if (!_lost.IsCancellationRequested)
            {
                await TryAsync(() => _queue.Withdraw(work.Number)).ConfigureAwait(false);
            }

            return EvaluationOutcome.Stopped;
        }

        if (report.Error is not null || report.Metrics is null)
        {
            return new EvaluationOutcome(null, $"{report.Error ?? "no metrics"} (on worker {report.Worker})", false, report.Worker);
        }

        return new EvaluationOutcome(new EvaluationResult(report.Metrics, report.Artifacts.Select(a => new Artifact(a.Name, a.Path)).ToList()), null, false, report.Worker);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _pump.ConfigureAwait(false);
        if (!_lost.IsCancellationRequested)
        {
            // A lost cluster would only time these out; its sessions lapse on their own.
            await TryAsync(() => _queue.Close()).ConfigureAwait(false);
            await TryAsync(() => _directory.CloseSession(_sessionId)).ConfigureAwait(false);
        }

        _stop.Dispose();
        _lost.Dispose();
    }

    /// <summary>
    /// A grain call that may meet a silo which just left (a worker killed and restarted on its ports, Redis
    /// restarted empty): such a rejection means "no answer yet" until <paramref name="deadline"/>, and the next
    /// call activates the grain on a live silo.
    /// </summary>
    private static async Task<T> Transient<T>(Func<Task<T>> call, DateTime deadline, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (Exception e) when (e is Orleans.Runtime.OrleansMessageRejectionException or Orleans.Runtime.SiloUnavailableException && DateTime.UtcNow <= deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task<WorkerInfo[]> WaitForWorkersAsync(IWorkerDirectoryGrain directory, ClusterDispatchOptions options, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + options.WorkerWait;
        while (true)
        {
            var workers = await Transient(directory.LiveWorkers, deadline, cancellationToken).ConfigureAwait(false);

            if (workers.Length >= options.MinimumWorkers)
            {
                return workers;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new NasConfigurationException(
                    $"{workers.Length} worker(s) joined the cluster within {options.WorkerWait.TotalSeconds:0} s, {options.MinimumWorkers} needed; start `nas worker --cluster ...` on each machine (same Redis address), then run again.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false);
        }
    }

    private static string? PluginMismatch(WorkerInfo worker, PluginIdentity wanted)
    {
        var have = worker.Plugins.FirstOrDefault(p => p.Id == wanted.Id);
        if (have is null)
        {
            return $"Worker {worker.Id} has no plugin '{wanted.Id}' (it loaded: {string.Join(", ", worker.Plugins.Select(p => p.ToString()).DefaultIfEmpty("none"))}); " +
                   $"install plugin '{wanted.Id}' version {wanted.Version} there (or pass its folder to `nas worker --plugins DIR`).";
        }

        return have.Version == wanted.Version
            ? null
            : $"Worker {worker.Id} has plugin '{wanted.Id}' version {have.Version}, this coordinator version {wanted.Version}; install the same build of the plugin on every machine.";
    }

    /// <summary>Collects reports until stopped; after a failure or a fresh queue activation, offers every awaited trial again.</summary>
    private async Task PumpAsync(CancellationToken stop)
    {
        var renewed = DateTime.UtcNow;
        var answered = DateTime.UtcNow;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (_offerAll)
                {
                    _offerAll = false;
                    _epoch = await _queue.Open(_setup).ConfigureAwait(false);
                    await _directory.OpenSession(_sessionId).ConfigureAwait(false);
                    foreach (var awaited in _awaited.Values.OrderBy(a => a.Work.Number))
                    {
                        await _queue.Offer(awaited.Work).ConfigureAwait(false);
                        Reoffers++;
                    }
                }

                if (DateTime.UtcNow - renewed > SessionRenewal)
                {
                    await _directory.OpenSession(_sessionId).ConfigureAwait(false);
                    renewed = DateTime.UtcNow;
                }

                var batch = await _queue.Collect(CollectWait).ConfigureAwait(false);
                answered = DateTime.UtcNow;
                foreach (var report in batch.Reports)
                {
                    // Keyed by trial number: a report for a trial no longer awaited (a duplicate) is dropped.
                    if (_awaited.TryRemove(report.Number, out var awaited))
                    {
                        _reportsByWorker.AddOrUpdate(report.Worker, 1, (_, n) => n + 1);
                        awaited.Report.TrySetResult(report);
                    }
                }

                foreach (var progress in batch.Progress)
                {
                    if (_awaited.TryGetValue(progress.Number, out var awaited))
                    {
                        awaited.Progress.Report(new EvaluationProgress(progress.Fraction, $"{progress.Message} (on {progress.Worker})", progress.Metrics));
                    }
                }

                if (batch.Epoch != _epoch)
                {
                    Log($"The queue of session {_sessionId} was activated afresh (a silo left); offering the {_awaited.Count} awaited trial(s) again.");
                    _offerAll = true;
                }
            }
            catch (Exception e) when (!stop.IsCancellationRequested)
            {
                if (DateTime.UtcNow - answered > _options.UnreachableLimit)
                {
                    await GiveUpAsync(e).ConfigureAwait(false);
                    return;
                }

                Log($"The cluster did not answer ({e.GetType().Name}: {e.Message}); trying again.");
                _offerAll = true;
                await Task.Delay(TimeSpan.FromMilliseconds(500), CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Declares the cluster lost: <see cref="Lost"/> fires, and the run stops (see there).</summary>
    private async Task GiveUpAsync(Exception last)
    {
        LostReason = $"no worker answered for {_options.UnreachableLimit.TotalSeconds:0} s (last error: {last.GetType().Name}); " +
                     $"{_awaited.Count} trial(s) were in flight: they are not recorded and run again on resume";
        await _lost.CancelAsync().ConfigureAwait(false);
    }

    private async Task TryAsync(Func<Task> call)
    {
        try
        {
            await call().WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            Log($"Cluster call failed while stopping ({e.GetType().Name}); the session lapses on its own.");
        }
    }

    private void Log(string line) => _options.Log?.Invoke(line);

    private sealed class Awaited(TrialWork work, IProgress<EvaluationProgress> progress)
    {
        public TrialWork Work { get; } = work;

        public IProgress<EvaluationProgress> Progress { get; } = progress;

        public TaskCompletionSource<TrialReport> Report { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
