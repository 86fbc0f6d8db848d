using System.Diagnostics;
using NasPlatform.Engine.Storage;

namespace NasPlatform.Distributed.Tests;

/// <summary>
/// One experiment run under SIGKILLs: on a cluster, of its coordinator (`nas run`, then `nas resume
/// --cluster`) or of a worker (replaced at once on the same ports); without one (no cluster address), of
/// `nas run`/`nas resume` itself, which evaluates with its own local workers. Every kill is timed from the first
/// trial stored after the previous kill, or after the coordinator's start: a kill before anything new
/// reached the store proves nothing. After each kill the store is read and checked against what it held
/// before: nothing finished is lost or rewritten, nothing is duplicated.
/// </summary>
public sealed class ChaosRun : IDisposable
{
    /// <summary>How long a kill may wait for its trial (a coordinator or a worker starting on a loaded machine).</summary>
    private static readonly TimeSpan StoreLimit = TimeSpan.FromSeconds(120);

    private readonly string? _cluster;
    private readonly string _file;
    private readonly string _store;
    private readonly string _name;
    private readonly int _budget;
    private readonly IReadOnlyList<NasWorker> _workers;
    private ChildProcess? _coordinator;
    private bool _started;
    private IReadOnlyList<TrialRecord> _stored = [];

    /// <param name="directory">Where the experiment file and its store go.</param>
    /// <param name="name">The experiment's name.</param>
    /// <param name="budget">Trials; large enough that every kill lands mid-run.</param>
    /// <param name="cluster">The Redis address of the cluster, or null for a run on this machine alone.</param>
    /// <param name="workers">The cluster's workers, which <see cref="Kill"/> may kill.</param>
    /// <param name="localWorkers">The experiment's <c>workers</c>: trials evaluated at once by a run without a cluster.</param>
    public ChaosRun(string directory, string name, int budget, string? cluster, IReadOnlyList<NasWorker> workers, int localWorkers = 1)
    {
        Experiments.Hello(directory, name, budget, workers: localWorkers, delayMilliseconds: 100, seed: 3);
        _file = Path.Combine(directory, name + ".json");
        _store = Path.Combine(directory, name + ".db");
        _name = name;
        _budget = budget;
        _cluster = cluster;
        _workers = workers;
    }

    /// <summary>Kills so far.</summary>
    public int Kills { get; private set; }

    /// <summary>Coordinators started so far (`nas run` and each `nas resume`).</summary>
    public int Sessions { get; private set; }

    /// <summary>
    /// Waits for the next trial to be stored, then <paramref name="offset"/> more, then kills the coordinator
    /// (<paramref name="worker"/> null) or that worker, and checks the store.
    /// </summary>
    public void Kill(int? worker, TimeSpan offset)
    {
        var coordinator = EnsureCoordinator();
        var finished = _stored.Count(t => t.IsFinished);
        Poll.Until(() => StoredTrials.Finished(_store, _name) > finished || coordinator.HasExited, StoreLimit,
            () => $"kill {Kills + 1}: no trial stored within {StoreLimit.TotalSeconds:0} s: {coordinator.Error}{Logs()}");
        Assert.False(coordinator.HasExited, $"kill {Kills + 1}: the coordinator ended by itself (exit {(coordinator.HasExited ? coordinator.ExitCode : 0)}), so the budget is too small or the run failed: {coordinator.Out}{coordinator.Error}");
        Thread.Sleep(offset);
        if (worker is { } index)
        {
            _workers[index].KillAndReplace();
        }
        else
        {
            coordinator.Kill();
            coordinator.Dispose();
            _coordinator = null;
        }

        Kills++;
        Check();
    }

    /// <summary>Lets a last `nas resume` run to the end and checks the budget came out exact.</summary>
    public void Finish()
    {
        var coordinator = EnsureCoordinator();
        Assert.True(coordinator.WaitForExit(StoreLimit), $"the last resume did not finish: {coordinator.Error}{Logs()}");
        Assert.True(coordinator.ExitCode == 0, $"the last resume exited {coordinator.ExitCode}: {coordinator.Out}{coordinator.Error}");
        var trials = StoredTrials.Of(_store, _name);
        StoredTrials.AssertKept(_stored, trials);
        StoredTrials.AssertBudgetExact(trials, _budget);
    }

    public void Dispose() => _coordinator?.Dispose();

    private ChildProcess EnsureCoordinator()
    {
        if (_coordinator is not null)
        {
            return _coordinator;
        }

        // The coordinator must outlast a worker's restart after a worker kill (up to NasWorker.StartLimit on a loaded
        // machine): with the default 60 s it gave up while the only worker was still starting, at a load of 70 on 2 cores.
        _coordinator = _cluster is null
            ? ChildProcess.Nas(_started ? "resume" : "run", _file, "--plugins", RepoPaths.Plugins)
            : ChildProcess.Nas(_started ? "resume" : "run", _file, "--cluster", _cluster, "--cluster-timeout",
                NasWorker.StartLimit.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "--plugins", RepoPaths.Plugins);
        _started = true;
        Sessions++;
        return _coordinator;
    }

    /// <summary>The store after a kill: what was finished is kept as it was; numbers, candidates and tells are never repeated.</summary>
    private void Check()
    {
        var now = StoredTrials.Of(_store, _name);
        StoredTrials.AssertKept(_stored, now);
        var finished = now.Where(t => t.IsFinished).ToList();
        Assert.Equal(now.Count, now.Select(t => t.Number).Distinct().Count());
        Assert.Equal(finished.Count, finished.Select(t => t.Hash).Distinct().Count());
        Assert.Equal(Enumerable.Range(0, finished.Count).Select(i => (long?)i), finished.Select(t => t.TellSequence).Order());
        Assert.True(finished.Count < _budget, $"after kill {Kills} the budget of {_budget} is spent already; raise it so every kill lands mid-run");
        _stored = now;
    }

    private string Logs() => string.Concat(_workers.Select((w, i) => $"{Environment.NewLine}worker {i}: {w.Process.Error}"));

    /// <summary>A deterministic spread of kill offsets, 0 to 290 ms after the trial that timed the kill.</summary>
    public static TimeSpan Offset(int kill) => TimeSpan.FromMilliseconds(37 * kill % 300);

    /// <summary>Elapsed time, for the test's log.</summary>
    public static string Seconds(Stopwatch clock) => $"{clock.Elapsed.TotalSeconds:0.0} s";
}
