using NasPlatform.Abstractions;
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
/// `--candidate FILE` trains a candidate JSON instead (a baseline with another recipe, a network from a paper,
/// an edited trial): the experiment then only supplies the evaluator, so it need not have run.
/// </summary>
public sealed class TrainFinalCommand : AsyncCommand<TrainFinalCommand.Settings>
{
    public sealed class Settings : ExperimentSettings
    {
        [CommandOption("--trial <N>")]
        [Description("The trial whose candidate to retrain (see `nas status`).")]
        public int? Trial { get; init; }

        [CommandOption("--candidate <FILE>")]
        [Description("A candidate JSON file to train instead of a trial (e.g. a trial's candidate.json with another recipe); the experiment supplies the evaluator only.")]
        public string? Candidate { get; init; }

        [CommandOption("--out <DIR>")]
        [Description("Folder for the model, candidate.json and result.json (default: <store file>.artifacts/<id>-<experiment>/final/trial-N, or the candidate file's name).")]
        public string? Out { get; init; }

        [CommandOption("--seed <SEED>")]
        [Description("Seed of the training (default: derived from the experiment seed and the trial number, or the candidate's hash).")]
        public int? Seed { get; init; }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CommandErrors.GuardAsync(async () =>
        {
            var subject = FinalSubject.Resolve(settings);
            var evaluator = ComponentResolver.CreateEvaluator(subject.Spec, PluginCatalog.LoadDefault(settings.PluginDirectories));
            var fidelity = evaluator.Fidelities[^1];
            var folder = Path.GetFullPath(settings.Out ?? Path.Combine(ExperimentFolders.Final(subject.Spec.StorePath, subject.ExperimentId, subject.Experiment), subject.FolderName));
            Directory.CreateDirectory(folder);
            var seed = settings.Seed ?? subject.DefaultSeed;
            var request = new EvaluationRequest(subject.Candidate, fidelity, seed, folder);
            var final = evaluator as IFinalTrainer;
            var how = final is null ? $"evaluator has no final training; evaluating at its highest fidelity '{fidelity.Name}'" : "final training on all training data, test split";
            if (!settings.Json)
            {
                Console.Error.WriteLine($"{subject.Title}: {how}; seed {seed}; into {folder}");
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
            catch (ArgumentException e) when (final is not null || subject.CandidateFile is not null)
            {
                // IFinalTrainer's way of saying "not this candidate" (e.g. a DNA block, which is no network on its own), and
                // how an evaluator rejects a hand-written candidate file (the message names the JSON path).
                throw new NasConfigurationException($"{subject.Description} cannot be trained for deployment: {e.Message}");
            }

            var candidateFile = Path.Combine(folder, "candidate.json");
            if (!File.Exists(candidateFile))
            {
                File.WriteAllText(candidateFile, subject.Candidate.ToJson().ToString(Formatting.Indented));
            }

            var report = new JObject
            {
                ["experiment"] = subject.Experiment,
                ["store"] = subject.Spec.StorePath,
                ["trial"] = subject.Trial,
                ["candidateFile"] = subject.CandidateFile,
                ["finalTraining"] = final is not null,
                ["fidelity"] = final is null ? fidelity.Name : "final",
                ["seed"] = seed,
                ["seconds"] = Math.Round((DateTimeOffset.UtcNow - started).TotalSeconds, 3),
                ["searchMetrics"] = new JObject(subject.SearchMetrics.Select(m => new JProperty(m.Key, JsonNumbers.Rounded(m.Value)))),
                ["metrics"] = new JObject(result.Metrics.Select(m => new JProperty(m.Key, JsonNumbers.Rounded(m.Value)))),
                ["artifacts"] = new JObject(result.Artifacts.Select(a => new JProperty(a.Name, a.Path)).Append(new JProperty("candidate", candidateFile)).DistinctBy(p => p.Name)),
                ["candidate"] = subject.Candidate.ToJson(),
            };
            File.WriteAllText(Path.Combine(folder, "result.json"), report.ToString(Formatting.Indented));
            if (settings.Json)
            {
                Console.Out.WriteLine(report.ToString(Formatting.Indented));
                return ExitCodes.Success;
            }

            WriteTable(subject, final is null ? fidelity.Name : "final training", result.Metrics);
            Console.Out.WriteLine($"saved in {folder}: {string.Join(", ", result.Artifacts.Select(a => Path.GetFileName(a.Path)).Append("candidate.json").Append("result.json").Distinct())}");
            return ExitCodes.Success;
        });

    /// <summary>The final metrics beside the ones the trial reached in the search, titled with how it was trained.</summary>
    private static void WriteTable(FinalSubject subject, string how, IReadOnlyDictionary<string, double> metrics)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .Title(Markup.Escape($"{subject.Title}: {how}"))
            .AddColumn("metric").AddColumn(new TableColumn("final").RightAligned()).AddColumn(new TableColumn("in the search").RightAligned());
        foreach (var (name, value) in metrics.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            table.AddRow(Markup.Escape(name), TrialText.Number(value), subject.SearchMetrics.TryGetValue(name, out var s) ? TrialText.Number(s) : "-");
        }

        AnsiConsole.Write(table);
    }
}
