using System.ComponentModel;
using NasPlatform.Cli.Display;
using NasPlatform.Cli.Infrastructure;
using NasPlatform.Engine.Storage;
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

        [CommandOption("--cluster-timeout <SECONDS>")]
        [Description("With --cluster: how long the run waits when no worker answers mid-run (all stopped or unreachable) before it stops with exit 1, leaving the rest to `nas resume` (default 60).")]
        public double? ClusterTimeout { get; init; }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CommandErrors.GuardAsync(async () =>
        {
            using var located = ExperimentLocator.Locate(settings.Experiment, settings.Name);
            var spec = located.Spec;
            var drift = located.Given is { } given ? SpecDriftCheck.Of(located.Record, given, located.Store) : null;
            if (drift is not null)
            {
                // The file is the user's intent: a change that cannot apply is refused before anything runs.
                SpecDriftCheck.RefuseFixedChanges(drift, located.Record, located.Store.Location, settings.Experiment);
            }

            if (located.Store.IsReadOnly)
            {
                if (drift is { Amendments.Count: > 0 })
                {
                    located.Store.RequireWritable();
                }

                return ShowFinished(located);
            }

            // One that can apply (budget, workers, timeout; objectives and constraints before any trial finished) is
            // checked with the rest of the configuration, and only then recorded as an amendment: a mistake changes nothing.
            var amended = drift is null ? spec : SpecDriftCheck.Amended(drift, located.Store, located.Record, spec, located.Given!);
            var run = settings.Workers is { } workers ? amended with { Workers = workers } : amended;
            var cluster = new ClusterSettings(settings.Cluster, settings.Workers, settings.ClusterTimeout);
            var prepared = RunHost.Prepare(run, settings, cluster);
            if (drift is not null)
            {
                SpecDriftCheck.RecordAmendments(drift, located.Store, located.Record, located.Given!);
            }

            return await RunHost.ExecuteAsync(run, prepared, located.Store, settings, resume: true, cancellationToken, cluster).ConfigureAwait(false);
        });

    // A read-only store can still show a finished experiment; anything else needs to write it.
    private static int ShowFinished(LocatedExperiment located)
    {
        if (located.Record.Status != ExperimentStatus.Completed)
        {
            located.Store.RequireWritable();
        }

        Console.Out.WriteLine($"Experiment '{located.Record.Name}' already ran to its budget in {located.Store.Location}, which is read-only; its stored results are below.");
        StoredResultText.Write(Console.Out, located.Store, located.Record, located.Spec);
        return ExitCodes.Success;
    }
}
