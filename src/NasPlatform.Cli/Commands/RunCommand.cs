using System.ComponentModel;
using NasPlatform.Cli.Display;
using NasPlatform.Cli.Infrastructure;
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
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CommandErrors.GuardAsync(async () =>
        {
            var spec = ExperimentFile.Load(settings.File);
            if (settings.Workers is { } workers)
            {
                spec = spec with { Workers = workers };
            }

            using var store = SqliteTrialStore.Open(spec.StorePath);
            if (store.FindExperiment(spec.Name) is { } existing)
            {
                return AlreadyStarted(store, existing, spec);
            }

            store.RequireWritable();

            return await RunHost.ExecuteAsync(spec, store, settings, resume: false, cancellationToken, new ClusterSettings(settings.Cluster, settings.Workers)).ConfigureAwait(false);
        });

    // Running the same file twice must neither lose the first run nor start a second copy of it.
    private static int AlreadyStarted(SqliteTrialStore store, ExperimentRecord existing, ExperimentSpec spec)
    {
        if (existing.Status != ExperimentStatus.Completed && ExperimentLock.HeldBy(ExperimentFolders.Beside(store.Location, spec.Name, "artifacts")) is { } holder)
        {
            Console.Error.WriteLine($"Experiment '{spec.Name}' in {store.Location} is being run by another process ({holder}). " +
                                    $"Wait for it to end, or stop it (Ctrl+C where it runs), then `{spec.ResumeCommand}`.");
            return ExitCodes.BadInput;
        }

        if (existing.Status != ExperimentStatus.Completed)
        {
            Console.Error.WriteLine($"Experiment '{spec.Name}' already exists in {store.Location} ({existing.Status.ToString().ToLowerInvariant()}). " +
                                    $"Continue it with `{spec.ResumeCommand}`, or give the file another \"name\" to start afresh.");
            return ExitCodes.BadInput;
        }

        Console.Out.WriteLine($"Experiment '{spec.Name}' already ran to its budget in {store.Location}; its results are below " +
                              $"(see `nas status {spec.SourceFile}`). Give the file another \"name\" to run it again.");
        StoredResultText.Write(Console.Out, store, existing, spec);
        return ExitCodes.Success;
    }
}
