namespace NasPlatform.Abstractions.Plugins;

/// <summary>
/// The cluster a <see cref="PluginCommand.Distributable"/> command was given (<c>--cluster redis://HOST:PORT</c>): it runs
/// command lines of the same plugin on the cluster's <c>nas worker</c>s, as <c>nas run --cluster</c> runs trials there.
/// Workers see files at the paths the command line names, so what they read and write must lie on a disk every
/// machine mounts at the same path.
/// </summary>
public interface IPluginCommandCluster
{
    /// <summary>How many command lines the workers run at once (the sum of their slots).</summary>
    int Slots { get; }

    /// <summary>The workers that were live when the command started, by id.</summary>
    IReadOnlyList<string> Workers { get; }

    /// <summary>
    /// Runs <c>nas</c> with <paramref name="commandLine"/> (a command of this plugin, e.g.
    /// <c>["eda", "dataset", DIR, "--placement", KEY]</c>) on one worker and returns how it ended. A worker that dies
    /// or stops answering loses its lease and the command line runs again on another, so it must be safe to rerun.
    /// </summary>
    /// <param name="commandLine">The words after <c>nas</c>.</param>
    /// <param name="cancellationToken">Withdraws the command line (a running one is cancelled on its worker).</param>
    Task<PluginCommandOutcome> RunAsync(IReadOnlyList<string> commandLine, CancellationToken cancellationToken);
}
