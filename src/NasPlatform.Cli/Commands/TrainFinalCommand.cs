using System.ComponentModel;
using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Cli.Display;
using NasPlatform.Cli.Infrastructure;
using NasPlatform.Engine;
using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Plugins;
using NasPlatform.Engine.Running;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NasPlatform.Cli.Commands;

/// <summary>
/// `nas train-final EXP --trial N`: retrains trial N's candidate for deployment with the experiment's evaluator
/// and reports its held-out metrics. An evaluator that implements <see cref="IFinalTrainer"/> trains on all its
/// training data and reports the test split (and saves the model); any other is evaluated at its highest
/// fidelity. The candidate JSON, the metrics and the evaluator's files go into one folder.
/// </summary>
public sealed class TrainFinalCommand : AsyncCommand<TrainFinalCommand.Settings>
{
    public sealed class Settings : ExperimentSettings
    {
        [CommandOption("--trial <N>")]
        [Description("The trial whose candidate to retrain (see `nas status`).")]
        public int? Trial { get; init; }

        [CommandOption("--out <DIR>")]
        [Description("Folder for the model, candidate.json and result.json (default: <store folder>/<experiment>-final/trial-N).")]
        public string? Out { get; init; }

        [CommandOption("--seed <SEED>")]
        [Description("Seed of the training (default: derived from the experiment seed and the trial number).")]
        public int? Seed { get; init; }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CommandErrors.GuardAsync(async () =>
        {
            if (settings.Trial is not { } number)
            {
                throw new NasConfigurationException("Name the trial to retrain with --trial N (`nas status EXP` lists them).");
            }

            using var located = ExperimentLocator.Locate(settings.Experiment, settings.Name);
            var trial = located.Store.GetTrials(located.Record.Id).FirstOrDefault(t => t.Number == number)
                ?? throw new NasConfigurationException($"Experiment '{located.Record.Name}' in {located.Store.Location} has no trial {number}; `nas status {settings.Experiment}` lists its trials.");
            var evaluator = ComponentResolver.CreateEvaluator(located.Spec, PluginCatalog.LoadDefault(settings.PluginDirectories));
            var fidelity = evaluator.Fidelities[^1];
            var folder = Path.GetFullPath(settings.Out ?? Path.Combine(ExperimentFolders.Beside(located.Store.Location, located.Record.Name, "final"), $"trial-{number}"));
            Directory.CreateDirectory(folder);
            var seed = settings.Seed ?? SeedSequence.Derive(located.Spec.Seed, 1_000_000 + number);
            var request = new EvaluationRequest(trial.Candidate, fidelity, seed, folder);
            var final = evaluator as IFinalTrainer;
            var how = final is null ? $"evaluator has no final training; evaluating at its highest fidelity '{fidelity.Name}'" : "final training on all training data, test split";
            if (!settings.Json)
            {
                Console.Error.WriteLine($"trial {number} of '{located.Record.Name}': {how}; seed {seed}; into {folder}");
            }

            using var ctrlC = new CtrlC(cancellationToken);
            var progress = new Progress<EvaluationProgress>(p =>
            {
                if (!settings.Json)
                {
                    Console.Error.WriteLine($"  {p.Message}" + string.Concat(p.Metrics.Select(m => $"  {m.Key} {TrialText.Number(m.Value)}")));
                }
            });
            var started = DateTimeOffset.UtcNow;
            EvaluationResult result;
            try
            {
                result = final is null
                    ? await evaluator.EvaluateAsync(request, progress, ctrlC.Token).ConfigureAwait(false)
                    : await final.TrainFinalAsync(request, progress, ctrlC.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine($"Interrupted: no result was written. Run the same command again to continue; evaluators that checkpoint (vision's train does, after every epoch, in {folder}) resume where they stopped.");
                return RunHost.Interrupted;
            }
            catch (ArgumentException e) when (final is not null)
            {
                // IFinalTrainer's way of saying "not this candidate" (e.g. a DNA block, which is no network on its own).
                throw new NasConfigurationException($"Trial {number} of '{located.Record.Name}' cannot be trained for deployment: {e.Message}");
            }

            var candidateFile = Path.Combine(folder, "candidate.json");
            if (!File.Exists(candidateFile))
            {
                File.WriteAllText(candidateFile, trial.Candidate.ToJson().ToString(Formatting.Indented));
            }

            var report = new JObject
            {
                ["experiment"] = located.Record.Name,
                ["store"] = located.Store.Location,
                ["trial"] = number,
                ["finalTraining"] = final is not null,
                ["fidelity"] = final is null ? fidelity.Name : "final",
                ["seed"] = seed,
                ["seconds"] = Math.Round((DateTimeOffset.UtcNow - started).TotalSeconds, 3),
                ["searchMetrics"] = new JObject(trial.Metrics.Select(m => new JProperty(m.Key, JsonNumbers.Rounded(m.Value)))),
                ["metrics"] = new JObject(result.Metrics.Select(m => new JProperty(m.Key, JsonNumbers.Rounded(m.Value)))),
                ["artifacts"] = new JObject(result.Artifacts.Select(a => new JProperty(a.Name, a.Path)).Append(new JProperty("candidate", candidateFile)).DistinctBy(p => p.Name)),
                ["candidate"] = trial.Candidate.ToJson(),
            };
            File.WriteAllText(Path.Combine(folder, "result.json"), report.ToString(Formatting.Indented));
            if (settings.Json)
            {
                Console.Out.WriteLine(report.ToString(Formatting.Indented));
                return ExitCodes.Success;
            }

            var table = new Table().Border(TableBorder.Rounded)
                .Title(Markup.Escape($"trial {number}: {(final is null ? fidelity.Name : "final training")}"))
                .AddColumn("metric").AddColumn(new TableColumn("final").RightAligned()).AddColumn(new TableColumn("in the search").RightAligned());
            foreach (var (name, value) in result.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal))
            {
                table.AddRow(Markup.Escape(name), TrialText.Number(value), trial.Metrics.TryGetValue(name, out var s) ? TrialText.Number(s) : "-");
            }

            AnsiConsole.Write(table);
            Console.Out.WriteLine($"saved in {folder}: {string.Join(", ", result.Artifacts.Select(a => Path.GetFileName(a.Path)).Append("candidate.json").Append("result.json").Distinct())}");
            return ExitCodes.Success;
        });

}
