namespace NasPlatform.Abstractions.Plugins;

/// <summary>
/// A command a plugin adds to <c>nas</c>, run as <c>nas GROUP NAME ARGUMENTS [OPTIONS]</c> (for example
/// <c>nas eda dataset DIR --seeds 3</c>). The host parses the command line against
/// <see cref="Arguments"/> and <see cref="Options"/> (an unknown or mistyped option is refused with the
/// nearest valid name, exit code 2), prints <c>--help</c> from them, and lists the command in <c>nas --help</c>.
/// </summary>
/// <param name="Group">The first word (e.g. "eda"); several commands may share a group.</param>
/// <param name="Name">The second word (e.g. "dataset"), unique within the group.</param>
/// <param name="Description">One line for help.</param>
/// <param name="Arguments">Required positional arguments, in order.</param>
/// <param name="Options">The options the command accepts.</param>
/// <param name="Examples">Example command lines after <c>nas</c> (e.g. "eda dataset data --seeds 3").</param>
/// <param name="Run">Runs the command; returns the exit code. Throw <see cref="NasConfigurationException"/> for bad input
/// (the host prints its message and exits with 2); the token is cancelled on Ctrl+C or SIGTERM.</param>
public sealed record PluginCommand(
    string Group,
    string Name,
    string Description,
    IReadOnlyList<PluginCommandArgument> Arguments,
    IReadOnlyList<PluginCommandOption> Options,
    IReadOnlyList<string> Examples,
    Func<PluginCommandInvocation, CancellationToken, Task<int>> Run)
{
    /// <summary>
    /// When true, the host accepts <c>--cluster redis://HOST:PORT</c> for this command and passes the cluster as
    /// <see cref="PluginCommandInvocation.Cluster"/>; the command hands parts of its work to the cluster's workers
    /// (e.g. <c>nas eda dataset</c> one placement per command line).
    /// </summary>
    public bool Distributable { get; init; }
}
