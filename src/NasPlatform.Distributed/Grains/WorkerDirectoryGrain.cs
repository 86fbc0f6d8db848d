using NasPlatform.Distributed.Contracts;

namespace NasPlatform.Distributed.Grains;

/// <summary>The list of live workers and open sessions, renewed by heartbeats (see <see cref="IWorkerDirectoryGrain"/>).</summary>
internal sealed class WorkerDirectoryGrain : Grain, IWorkerDirectoryGrain
{
    /// <summary>A worker missing this long is taken for dead (it beats every second).</summary>
    internal static readonly TimeSpan WorkerLiveness = TimeSpan.FromSeconds(5);

    /// <summary>A session its coordinator stopped renewing this long ago is closed (a coordinator renews every few seconds).</summary>
    internal static readonly TimeSpan SessionLiveness = TimeSpan.FromSeconds(60);

    private readonly Dictionary<string, (WorkerInfo Worker, DateTime Seen)> _workers = [];
    private readonly Dictionary<string, DateTime> _sessions = [];

    public Task<string[]> Heartbeat(WorkerInfo worker)
    {
        var now = DateTime.UtcNow;
        _workers[worker.Id] = (worker, now);
        foreach (var stale in _sessions.Where(s => now - s.Value > SessionLiveness).Select(s => s.Key).ToList())
        {
            _sessions.Remove(stale);
        }

        return Task.FromResult(_sessions.Keys.Order(StringComparer.Ordinal).ToArray());
    }

    public Task<WorkerInfo[]> LiveWorkers()
    {
        var now = DateTime.UtcNow;
        return Task.FromResult(_workers.Values.Where(w => now - w.Seen < WorkerLiveness).Select(w => w.Worker).OrderBy(w => w.Id, StringComparer.Ordinal).ToArray());
    }

    public Task OpenSession(string sessionId)
    {
        _sessions[sessionId] = DateTime.UtcNow;
        return Task.CompletedTask;
    }

    public Task CloseSession(string sessionId)
    {
        _sessions.Remove(sessionId);
        return Task.CompletedTask;
    }
}
