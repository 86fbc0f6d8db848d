using System.ComponentModel;
using NasPlatform.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace NasPlatform.Cli.Commands;

/// <summary>`nas resume EXP`: continues an experiment from its store after a crash, a kill or Ctrl+C.</summary>
public sealed class ResumeCommand : AsyncCommand<ResumeCommand.Settings>
{
    public sealed class Settings : ExperimentSettings
    {
        [CommandOption("--workers <N>")]
        [Description("Parallel evaluations in this process (overrides the stored \"workers\").")]
        public int? Workers { get; init; }

        [CommandOption("--cluster <ADDRESS>")]
        [Description("Evaluate on the workers of a cluster (redis://HOST:PORT, see `nas worker`); this process still writes the store. With --workers, at most that many trials at once.")]
        public string? Cluster { get; init; }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CommandErrors.GuardAsync(async () =>
        {
            using var located = ExperimentLocator.Locate(settings.Experiment, settings.Name);
            var spec = settings.Workers is { } workers ? located.Spec with { Workers = workers } : located.Spec;
            return await RunHost.ExecuteAsync(spec, located.Store, settings, resume: true, cancellationToken, new ClusterSettings(settings.Cluster, settings.Workers)).ConfigureAwait(false);
        });
}
