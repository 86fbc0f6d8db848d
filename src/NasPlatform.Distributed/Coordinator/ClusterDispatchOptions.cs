namespace NasPlatform.Distributed.Coordinator;

/// <summary>How a coordinator uses the cluster.</summary>
public sealed record ClusterDispatchOptions
{
    /// <summary>A leased trial whose worker sent no heartbeat for this long runs elsewhere.</summary>
    public double LeaseSeconds { get; init; } = 10;

    /// <summary>How long to wait at the start for at least <see cref="MinimumWorkers"/> workers to announce themselves.</summary>
    public TimeSpan WorkerWait { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Workers that must be there before the run starts.</summary>
    public int MinimumWorkers { get; init; } = 1;

    /// <summary>At most this many trials at once; null: the sum of the live workers' slots.</summary>
    public int? MaxSlots { get; init; }

    /// <summary>
    /// Mid-run, how long the cluster may go without answering (every worker gone, or none reachable)
    /// before the dispatcher gives up: <see cref="ClusterDispatcher.Lost"/> fires and the run should stop,
    /// leaving its trials to a later resume. Long enough for workers to rejoin after Redis restarts.
    /// </summary>
    public TimeSpan UnreachableLimit { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>A line for the coordinator's log (stderr for `nas run`); null for none.</summary>
    public Action<string>? Log { get; init; }
}
