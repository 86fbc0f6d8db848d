namespace NasPlatform.Distributed.Worker;

/// <summary>How a worker silo evaluates.</summary>
public sealed record WorkerOptions
{
    /// <summary>Trials evaluated at once (one per core by default; one per GPU on a GPU machine is the usual choice).</summary>
    public int Slots { get; init; } = Environment.ProcessorCount;

    /// <summary>Where trials get their work directory when the coordinator's is not visible here.</summary>
    public string WorkRoot { get; init; } = Path.Combine(Path.GetTempPath(), "nas-worker");

    /// <summary>How often the worker tells the directory it is alive.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a cancelled evaluation may take to stop.</summary>
    public TimeSpan CancellationGrace { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Runs a command line of a plugin's command (plugin id, the words after <c>nas</c>, where its output goes, the
    /// token) and returns its exit code, for sessions that run command lines (<c>nas eda dataset --cluster</c>);
    /// null: this worker takes only experiments' trials.
    /// </summary>
    public Func<string, IReadOnlyList<string>, TextWriter, CancellationToken, Task<int>>? RunPluginCommand { get; init; }

    /// <summary>A line for the worker's log (stderr for `nas worker`); null for none.</summary>
    public Action<string>? Log { get; init; }
}
