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
            var spec = located.Spec;
            if (located.Given is { } given)
            {
                // The file is the user's intent: a change that cannot apply is refused before anything runs, one that can is applied and recorded.
                var drift = SpecDriftCheck.Of(located.Record, given);
                SpecDriftCheck.RefuseFixedChanges(drift, located.Record, located.Store.Location, settings.Experiment);
                spec = SpecDriftCheck.ApplyAmendments(drift, located.Store, located.Record, spec, given);
            }

            spec = settings.Workers is { } workers ? spec with { Workers = workers } : spec;
            return await RunHost.ExecuteAsync(spec, located.Store, settings, resume: true, cancellationToken, new ClusterSettings(settings.Cluster, settings.Workers)).ConfigureAwait(false);
        });
}
