using System.Globalization;
using System.ComponentModel;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Search;
using NasPlatform.Cli.Display;
using NasPlatform.Cli.Infrastructure;
using NasPlatform.Engine.Results;
using NasPlatform.Engine.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NasPlatform.Cli.Commands;

/// <summary>`nas status EXP`: the trials of an experiment and the best so far, read from its store.</summary>
public sealed class StatusCommand : Command<StatusCommand.Settings>
{
    public sealed class Settings : ExperimentSettings
    {
        [CommandOption("--last <N>")]
        [Description("Show only the last N trials (default: all).")]
        public int? Last { get; init; }

        [CommandOption("--verify")]
        [Description("Check every trial's artifacts against the SHA-256 recorded when the trial finished; exit 1 when one is missing or changed.")]
        public bool Verify { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CommandErrors.Guard(() =>
        {
            using var located = ExperimentLocator.Locate(settings.Experiment, settings.Name);
            var spec = located.Spec;
            var trials = located.Store.GetTrials(located.Record.Id);
            var standing = ExperimentStanding.Of(trials, spec, located.Store.GetFidelities(located.Record.Id));
            var best = standing.Best;
            var front = FrontStatus.Of(located, standing);
            var shown = settings.Last is { } last ? trials.TakeLast(Math.Max(0, last)).ToList() : trials.ToList();
            var fits = located.Store.GetStrategyEvents(located.Record.Id, StrategyEvent.PredictorFitKind);
            var predictorFit = fits.Count > 0 ? fits[^1] : null;
            var amendments = located.Store.GetAmendments(located.Record.Id);
            var verification = settings.Verify ? ArtifactVerification.Of(located.Store, located.Record.Id) : null;
            // A missing or changed artifact is what the check is for: the work found a problem (1), not bad input.
            var exitCode = verification is { Passed: false } ? ExitCodes.Failure : ExitCodes.Success;

            if (settings.Json)
            {
                var json = new JObject
                {
                    ["experiment"] = located.Record.Name,
                    ["store"] = located.Store.Location,
                    ["status"] = located.Record.Status.ToString().ToLowerInvariant(),
                    ["elapsedSeconds"] = located.Record.ElapsedSeconds,
                    ["trialBudget"] = standing.Budget.Trials,
                    ["counts"] = new JObject(Enum.GetValues<TrialState>().Select(s => new JProperty(TrialText.State(s), standing.Count(s)))),
                    ["best"] = new JArray(best.Select(TrialJson.Trial)),
                    ["bestFidelity"] = standing.BestFidelity,
                    ["costSpent"] = standing.CostSpent,
                    ["costBudget"] = standing.Budget.Cost,
                    ["hypervolume"] = front.HypervolumeJson(),
                    ["frontHistory"] = front.HistoryJson(),
                    ["trials"] = new JArray(shown.Select(TrialJson.Trial)),
                    ["amendments"] = new JArray(amendments.Select(a => new JObject
                    {
                        ["sequence"] = a.Sequence,
                        ["at"] = a.CreatedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                        ["changes"] = new JArray(a.Changes.Select(c => new JObject { ["path"] = c.Path, ["stored"] = c.Stored, ["given"] = c.Given })),
                    })),
                    ["predictor"] = predictorFit is null ? JValue.CreateNull() : new JObject
                    {
                        ["summary"] = predictorFit.Summary,
                        ["trialsTold"] = predictorFit.TrialsTold,
                        ["values"] = new JObject(predictorFit.Values.Select(v => new JProperty(v.Key, double.IsFinite(v.Value) ? v.Value : null))),
                    },
                };
                if (verification is not null)
                {
                    json["verify"] = VerifyJson(verification);
                }

                Console.Out.WriteLine(json.ToString(Formatting.Indented));
                return exitCode;
            }

            var metrics = spec.Objectives.Select(o => o.Metric).ToList();
            var statistics = trials.SelectMany(t => t.FreeStatistics.Keys).Distinct().Take(3).ToList();
            var table = new Table().Border(TableBorder.Rounded)
                .Title($"{Markup.Escape(located.Record.Name)} ({located.Record.Status.ToString().ToLowerInvariant()}, {Markup.Escape(TrialText.Budget(standing.Finished, standing.Budget.Trials, located.Record.ElapsedSeconds, standing.Budget.Seconds))})")
                .AddColumn("trial").AddColumn("state").AddColumn("fidelity");
            metrics.ForEach(m => table.AddColumn(new TableColumn(Markup.Escape(m)).RightAligned()));
            statistics.ForEach(s => table.AddColumn(new TableColumn(Markup.Escape(s)).RightAligned()));
            table.AddColumn(new TableColumn("s").RightAligned()).AddColumn("note");
            var bestNumbers = best.Select(b => b.Number).ToHashSet();
            foreach (var trial in shown)
            {
                var cells = new List<string>
                {
                    bestNumbers.Contains(trial.Number) ? $"[bold green]{trial.Number} *[/]" : trial.Number.ToString(CultureInfo.InvariantCulture),
                    TrialText.State(trial.State),
                    Markup.Escape(trial.Fidelity),
                };
                cells.AddRange(metrics.Select(m => trial.Metrics.TryGetValue(m, out var v) ? TrialText.Number(v) : "-"));
                cells.AddRange(statistics.Select(s => trial.FreeStatistics.TryGetValue(s, out var v) ? TrialText.Number(v) : "-"));
                cells.Add(trial.Duration is { } d ? d.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) : "-");
                cells.Add(Markup.Escape(trial.State == TrialState.Failed ? TrialText.FirstLine(trial.Error) : trial.Feasible ? string.Empty : "infeasible"));
                table.AddRow(cells.ToArray());
            }

            AnsiConsole.Write(table);
            foreach (var b in best)
            {
                AnsiConsole.MarkupLine($"best (*): trial {b.Number} {Markup.Escape(TrialText.Objectives(b, spec))}  {Markup.Escape(b.Candidate.Json)}");
            }

            if (best.Count == 0)
            {
                AnsiConsole.WriteLine("no usable trial yet");
            }

            foreach (var line in front.Lines())
            {
                AnsiConsole.WriteLine(line);
            }

            if (predictorFit is not null)
            {
                AnsiConsole.MarkupLine($"predictor (latest refit, after {predictorFit.TrialsTold} trials told): {Markup.Escape(predictorFit.Summary)}");
            }

            foreach (var amendment in amendments)
            {
                AnsiConsole.WriteLine($"amendment {amendment.Sequence} ({amendment.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC): {string.Join("; ", amendment.Changes.Select(c => c.ToString()))}");
            }

            if (verification is not null)
            {
                foreach (var problem in verification.Problems)
                {
                    AnsiConsole.WriteLine(problem.Describe());
                }

                AnsiConsole.WriteLine(verification.Summary);
            }

            return exitCode;
        });

    private static JObject VerifyJson(ArtifactVerification verification) => new()
    {
        ["passed"] = verification.Passed,
        ["total"] = verification.Total,
        ["ok"] = verification.Ok,
        ["missing"] = verification.Missing,
        ["changed"] = verification.Changed,
        ["unverified"] = verification.Unverified,
        ["problems"] = new JArray(verification.Problems.Select(p => new JObject
        {
            ["trial"] = p.Artifact.TrialNumber,
            ["name"] = p.Artifact.Name,
            ["path"] = p.Artifact.Path,
            ["problem"] = p.Check.ToString().ToLowerInvariant(),
            ["recordedSha256"] = p.Artifact.Sha256,
            ["actualSha256"] = p.ActualSha256,
        })),
    };
}
