using NasPlatform.Cli.Infrastructure;
using NasPlatform.Cli.Display;
using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Plugins;
using NasPlatform.Engine.Running;
using NasPlatform.Engine.Storage;
using NasPlatform.Torch;

namespace NasPlatform.Cli.Commands;

/// <summary>What `nas run` and `nas resume` share: resolve the components, show the run, map the outcome to an exit code.</summary>
internal static class RunHost
{
    public const int Interrupted = ExitCodes.Interrupted;

    /// <summary>
    /// Loads the plugins and resolves and checks every component, touching no store: a configuration mistake
    /// (a misspelt metric, a bad option, a strategy that refuses its options) exits 2 with nothing created or changed.
    /// </summary>
    public static PreparedRun Prepare(ExperimentSpec spec, NasSettings settings, ClusterSettings? cluster)
    {
        // One LibTorch thread per process: workers already run trials in parallel, and on small
        // machines LibTorch's own threading over tiny networks (predictors) costs far more than it
        // gains. Skipped where TorchSharp cannot load, so plugins that need no torch still run.
        // Before the components: an evaluator may set its own thread count on creation.
        TorchThreads.UseHostDefault();

        if (cluster?.Address is not null && spec.Pruner is not null)
        {
            // Refused before any worker is waited for: the cluster's heartbeats carry only the latest progress.
            throw PrunerSpec.Unsupported(spec, "the cluster's workers (--cluster)");
        }

        var plugins = PluginCatalog.LoadDefault(settings.PluginDirectories);
        var components = TransferSource.WithTransferredTrials(ComponentResolver.Resolve(spec, plugins, HostStrategies.Catalog), spec);
        ExperimentRunner.CheckBeforeStart(spec, components);
        return new PreparedRun(plugins, components);
    }

    public static Task<int> ExecuteAsync(ExperimentSpec spec, ITrialStore store, NasSettings settings, bool resume, CancellationToken cancellationToken, ClusterSettings? cluster = null) =>
        ExecuteAsync(spec, Prepare(spec, settings, cluster), store, settings, resume, cancellationToken, cluster);

    public static async Task<int> ExecuteAsync(ExperimentSpec spec, PreparedRun prepared, ITrialStore store, NasSettings settings, bool resume, CancellationToken cancellationToken, ClusterSettings? cluster = null)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        var (plugins, components) = prepared;
        var display = RunDisplay.For(spec, settings, components.Evaluator.HeadlineMetric);
        using var ctrlC = new CtrlC(cancellationToken);
        // Opt-in: with --cluster the workers evaluate; this process alone still writes the store.
        await using var dispatch = cluster?.Address is { } address
            ? await ClusterDispatch.OpenAsync(cluster, address, spec, plugins, ctrlC.Token).ConfigureAwait(false)
            : null;
        // A cluster that stops answering stops the run as Ctrl+C would: its trials wait in the store for a resume.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ctrlC.Token, dispatch?.Dispatcher.Lost ?? CancellationToken.None);
        var runner = new ExperimentRunner(spec, components, store, display) { Dispatcher = dispatch?.Dispatcher };
        var summary = await display.ShowAsync(() => resume ? runner.ResumeAsync(stop.Token) : runner.RunAsync(stop.Token)).ConfigureAwait(false);
        if (dispatch?.Dispatcher.LostReason is { } lost && summary.Status != ExperimentStatus.Completed)
        {
            Console.Error.WriteLine($"nas: lost the cluster at {cluster!.Address}: {lost}. Start `nas worker --cluster {cluster.Address}` on the machines, then `{spec.ResumeCommand} --cluster {cluster.Address}` continues where this stopped.");
            return ExitCodes.Failure;
        }

        return summary.Status switch
        {
            ExperimentStatus.Completed => ExitCodes.Success,
            ExperimentStatus.Interrupted => Interrupted,
            _ => ExitCodes.Failure,
        };
    }
}

/// <summary>An experiment's plugins and components, resolved and checked before any store is opened.</summary>
internal sealed record PreparedRun(PluginCatalog Plugins, ExperimentComponents Components);
