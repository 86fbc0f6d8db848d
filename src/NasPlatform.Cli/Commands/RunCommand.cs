using NasPlatform.Abstractions;
using System.ComponentModel;
using NasPlatform.Cli.Display;
using NasPlatform.Cli.Infrastructure;
using NasPlatform.Engine;
using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Running;
using NasPlatform.Engine.Storage;
using Spectre.Console.Cli;

namespace NasPlatform.Cli.Commands;

/// <summary>`nas run FILE`: starts an experiment and runs it until its budget is spent.</summary>
public sealed class RunCommand : AsyncCommand<RunCommand.Settings>
{
    public sealed class Settings : NasSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("The experiment file (JSON, see schemas/experiment.schema.json).")]
        public string File { get; init; } = string.Empty;

        [CommandOption("--workers <N>")]
        [Description("Parallel evaluations in this process (overrides the file's \"workers\").")]
        public int? Workers { get; init; }

        [CommandOption("--cluster <ADDRESS>")]
        [Description("Evaluate on the workers of a cluster (redis://HOST:PORT, see `nas worker`); this process still writes the store. With --workers, at most that many trials at once.")]
        public string? Cluster { get; init; }

        [CommandOption("--cluster-timeout <SECONDS>")]
        [Description("With --cluster: how long the run waits when no worker answers mid-run (all stopped or unreachable) before it stops with exit 1, leaving the rest to `nas resume` (default 60).")]
        public double? ClusterTimeout { get; init; }

        [CommandOption("--restart|--rerun")]
        [Description("Start the experiment afresh even though its store holds it (finished or not): the old experiment, its trials and artifacts stay in the store under an archived name (NAME@archived-TIME). --rerun is the same option.")]
        public bool Restart { get; init; }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CommandErrors.GuardAsync(async () =>
        {
            var spec = ExperimentFile.Load(settings.File);
            if (settings.Workers is { } workers)
            {
                spec = spec with { Workers = workers };
            }

            // Everything the file can get wrong is checked before the store is opened: a mistake leaves no new
            // store file, artifacts folder or lock, and an existing store exactly as it was.
            var cluster = new ClusterSettings(settings.Cluster, settings.Workers, settings.ClusterTimeout);
            var prepared = RunHost.Prepare(spec, settings, cluster);
            using var store = SqliteTrialStore.Open(spec.StorePath);
            if (store.FindExperiment(spec.Name) is { } existing)
            {
                if (!settings.Restart)
                {
                    var drift = SpecDriftCheck.Of(existing, spec, store);
                    SpecDriftCheck.RefuseFixedChanges(drift, existing, store.Location, settings.File);
                    return AlreadyStarted(store, existing, spec, drift, prepared.Components.Evaluator.HeadlineMetric);
                }

                // Archiving writes, and must not rename an experiment another process is running.
                store.RequireWritable();
                if (ExperimentLock.HeldBy(ExperimentFolders.Lock(store.Location, spec.Name)) is { } runner)
                {
                    throw new NasConfigurationException($"Experiment '{spec.Name}' in {store.Location} is being run by another process ({runner}); stop it before --restart.");
                }

                var archived = store.Archive(existing.Id, $"{existing.Name}@archived-{DateTimeOffset.UtcNow:yyyyMMdd'T'HHmmss'Z'}");
                Console.Error.WriteLine($"Experiment '{spec.Name}' ({existing.Status.ToString().ToLowerInvariant()}) is kept in {store.Location} as '{archived.Name}' with its trials and artifacts; starting afresh.");
            }

            store.RequireWritable();

            return await RunHost.ExecuteAsync(spec, prepared, store, settings, resume: false, cancellationToken, cluster).ConfigureAwait(false);
        });

    // Running the same file twice must neither lose the first run nor start a second copy of it.
    private static int AlreadyStarted(SqliteTrialStore store, ExperimentRecord existing, ExperimentSpec spec, SpecDrift drift, string? headline)
    {
        if (existing.Status != ExperimentStatus.Completed && ExperimentLock.HeldBy(ExperimentFolders.Lock(store.Location, spec.Name)) is { } holder)
        {
            Console.Error.WriteLine($"Experiment '{spec.Name}' in {store.Location} is being run by another process ({holder}). " +
                                    $"Wait for it to end, or stop it (Ctrl+C where it runs), then `{spec.ResumeCommand}`.");
            return ExitCodes.BadInput;
        }

        var amendable = drift.Amendments.Count == 0
            ? string.Empty
            : $" The file changes {string.Join("; ", drift.Amendments.Select(c => c.ToString()))}: `nas resume {spec.SourceFile}` applies that and records it in the store.";
        if (existing.Status != ExperimentStatus.Completed)
        {
            Console.Error.WriteLine($"Experiment '{spec.Name}' already exists in {store.Location} ({existing.Status.ToString().ToLowerInvariant()}). " +
                                    $"Continue it with `{spec.ResumeCommand}`, or start it afresh with `nas run {spec.SourceFile} --restart` (the old trials stay in the store under an archived name)." + amendable);
            return ExitCodes.BadInput;
        }

        if (amendable.Length > 0)
        {
            Console.Error.WriteLine($"Experiment '{spec.Name}' already ran to its stored budget in {store.Location}.{amendable}");
        }

        Console.Out.WriteLine($"Experiment '{spec.Name}' already ran to its budget in {store.Location}; its results are below " +
                              $"(see `nas status {spec.SourceFile}`). Give the file another \"name\", or add --rerun (the same as --restart), to run it again; the old trials stay in the store under an archived name.");
        StoredResultText.Write(Console.Out, store, existing, spec, headline);
        return ExitCodes.Success;
    }
}
