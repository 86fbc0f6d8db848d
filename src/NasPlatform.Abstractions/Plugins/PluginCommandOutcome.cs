namespace NasPlatform.Abstractions.Plugins;

/// <summary>How a command line run on a worker ended (<see cref="IPluginCommandCluster.RunAsync"/>).</summary>
/// <param name="ExitCode">The command's exit code on the worker (2: bad input there, e.g. a path it cannot see).</param>
/// <param name="Worker">The worker that ran it.</param>
/// <param name="ErrorTail">The last lines the command wrote to standard error there; empty when it wrote none.</param>
public sealed record PluginCommandOutcome(int ExitCode, string Worker, string ErrorTail);
