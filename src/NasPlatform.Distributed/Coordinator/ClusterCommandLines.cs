using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Distributed.Contracts;
using NasPlatform.Distributed.Worker;
using NasPlatform.Engine.Running;

namespace NasPlatform.Distributed.Coordinator;

/// <summary>
/// A plugin command's door to the cluster (<see cref="IPluginCommandCluster"/>): each command line goes to the queue of
/// one session as a trial whose candidate is the command line, runs on a worker (<see cref="PluginCommandEvaluator"/>),
/// and its exit code and last lines come back. Leases, heartbeats and re-offers are the experiments' own
/// (<see cref="ClusterDispatcher"/>), so a worker killed mid-command passes its command line to another.
/// </summary>
public sealed class ClusterCommandLines : IPluginCommandCluster, IAsyncDisposable
{
    private readonly ClusterDispatcher _dispatcher;
    private int _number;

    private ClusterCommandLines(ClusterDispatcher dispatcher) => _dispatcher = dispatcher;

    public int Slots => _dispatcher.Slots;

    public IReadOnlyList<string> Workers => _dispatcher.Workers.Select(w => w.Id).ToList();

    /// <summary>Waits for workers that have <paramref name="plugin"/> at this version and opens a session for the command's lines.</summary>
    /// <param name="grains">A connected cluster client's grains.</param>
    /// <param name="title">The command, for the workers' log (e.g. "nas eda dataset").</param>
    /// <param name="plugin">The plugin whose command lines the workers run.</param>
    /// <param name="options">Lease and wait rules.</param>
    /// <param name="cancellationToken">Stops the wait for workers.</param>
    /// <exception cref="Abstractions.NasConfigurationException">No worker came, or one has another version of the plugin.</exception>
    public static async Task<ClusterCommandLines> OpenAsync(IGrainFactory grains, string title, PluginIdentity plugin, ClusterDispatchOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var setup = new SessionSetup(title, string.Empty, Environment.CurrentDirectory, plugin, options.LeaseSeconds, RunsCommandLines: true);
        return new ClusterCommandLines(await ClusterDispatcher.OpenAsync(grains, setup, options, cancellationToken).ConfigureAwait(false));
    }

    public async Task<PluginCommandOutcome> RunAsync(IReadOnlyList<string> commandLine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        var number = Interlocked.Increment(ref _number);
        var request = new EvaluationRequest(Candidate.FromObject(new { commandLine }), PluginCommandEvaluator.Command, 0, string.Empty);
        // A lost cluster ends the wait: the command line is not run, and the command stops with the reason.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _dispatcher.Lost);
        var outcome = await _dispatcher.EvaluateAsync(new TrialDispatch(number, request, null), 0, new Progress<EvaluationProgress>(), stop.Token).ConfigureAwait(false);
        if (_dispatcher.Lost.IsCancellationRequested)
        {
            throw new InvalidOperationException($"The cluster was lost: {_dispatcher.LostReason}.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var worker = outcome.Worker ?? "?";
        if (outcome.Error is null)
        {
            return new PluginCommandOutcome(0, worker, string.Empty);
        }

        return PluginCommandExitException.TryParse(outcome.Error, out var exit, out var tail)
            ? new PluginCommandOutcome(exit, worker, tail)
            : new PluginCommandOutcome(1, worker, outcome.Error);
    }

    public ValueTask DisposeAsync() => _dispatcher.DisposeAsync();
}
