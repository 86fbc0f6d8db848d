namespace NasPlatform.Distributed.Contracts;

/// <summary>
/// The cluster's one list of live workers and open sessions (key <see cref="Key"/>). It holds only
/// what heartbeats renew, so a fresh activation after a silo died fills up again within a second.
/// </summary>
public interface IWorkerDirectoryGrain : IGrainWithStringKey
{
    /// <summary>The one directory's key.</summary>
    const string Key = "directory";

    /// <summary>A worker's heartbeat; returns the sessions open now.</summary>
    Task<string[]> Heartbeat(WorkerInfo worker);

    /// <summary>The workers heard from within the liveness window.</summary>
    Task<WorkerInfo[]> LiveWorkers();

    /// <summary>Opens (or keeps open) a coordinator session: workers start pulling its trials.</summary>
    Task OpenSession(string sessionId);

    /// <summary>Closes a session.</summary>
    Task CloseSession(string sessionId);
}
