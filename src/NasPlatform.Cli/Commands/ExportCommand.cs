using NasPlatform.Abstractions;
using System.ComponentModel;
using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NasPlatform.Cli.Display;
using NasPlatform.Cli.Infrastructure;
using NasPlatform.Engine;
using NasPlatform.Engine.Plugins;
using NasPlatform.Engine.Results;
using NasPlatform.Engine.Storage;
using Spectre.Console.Cli;

namespace NasPlatform.Cli.Commands;

/// <summary>`nas export EXP --format csv|json`: every trial of an experiment, for analysis elsewhere.</summary>
public sealed class ExportCommand : Command<ExportCommand.Settings>
{
    public sealed class Settings : ExperimentSettings
    {
        [CommandOption("--format <FORMAT>")]
        [Description("csv (one row per trial, a column per metric, free statistic and choice of the candidate) or json (default csv).")]
        public string Format { get; init; } = "csv";

        [CommandOption("-o|--output <FILE>")]
        [Description("Write to FILE instead of standard output.")]
        public string? Output { get; init; }

        [CommandOption("--columns <LIST>")]
        [Description("CSV only: the metric, free statistic and choice columns to write, comma-separated (e.g. accuracy,edge_1_0); default all. An unknown name exits 2 with the nearest one.")]
        public string? Columns { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CommandErrors.Guard(() =>
        {
            var format = settings.Format.ToLowerInvariant();
            if (format is not ("csv" or "json"))
            {
                throw new NasConfigurationException($"--format must be csv or json, not '{settings.Format}'.");
            }

            using var located = ExperimentLocator.Locate(settings.Experiment, settings.Name);
            if (settings.Columns is not null && format != "csv")
            {
                throw new NasConfigurationException("--columns picks the columns of --format csv; JSON has every metric, statistic and choice.");
            }

            var trials = located.Store.GetTrials(located.Record.Id);
            var choices = TrialChoices.Of(located.Spec, trials.Select(t => t.Candidate), () => PluginCatalog.LoadDefaultOnly(settings.PluginDirectories, located.Spec.Plugin));
            if (choices.Problem is { } problem)
            {
                Console.Error.WriteLine($"note: {problem}");
            }

            var text = format == "csv" ? Csv(trials, Columns(trials, choices, settings.Columns)) : Json(located, trials, choices);
            if (settings.Output is { } output)
            {
                // Written beside and moved, so an existing export is never left half-written.
                var temporary = output + ".partial";
                File.WriteAllText(temporary, text);
                File.Move(temporary, output, overwrite: true);
                Console.Error.WriteLine($"{trials.Count} trials written to {output}");
            }
            else
            {
                Console.Out.Write(text);
            }

            return ExitCodes.Success;
        });

    private static string Json(LocatedExperiment located, IReadOnlyList<TrialRecord> trials, TrialChoices choices) =>
        new JObject
        {
            ["experiment"] = located.Record.Name,
            ["store"] = located.Store.Location,
            ["status"] = located.Record.Status.ToString().ToLowerInvariant(),
            ["seed"] = located.Record.Seed,
            ["createdAt"] = located.Record.CreatedAt.ToString("O"),
            ["elapsedSeconds"] = located.Record.ElapsedSeconds,
            ["spec"] = JToken.Parse(located.Record.SpecDocument),
            ["choiceNames"] = new JArray(choices.Names),
            ["trials"] = new JArray(trials.Select(t => TrialJson.Trial(t, choices))),
        }.ToString(Formatting.Indented) + Environment.NewLine;

    /// <summary>Every metric and free statistic (sorted by name) and every choice (in the space's order), or those --columns picks.</summary>
    private static (IReadOnlyList<TrialColumn> Columns, TrialChoices Choices) Columns(IReadOnlyList<TrialRecord> trials, TrialChoices choices, string? list)
    {
        var metrics = trials.SelectMany(t => t.Metrics.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var statistics = trials.SelectMany(t => t.FreeStatistics.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var columns = list is not null ? TrialColumns.Pick(list, metrics, statistics, choices.Names)
            : [.. metrics.Select(m => new TrialColumn(TrialColumnKind.Metric, m)), .. statistics.Select(s => new TrialColumn(TrialColumnKind.Statistic, s)),
                .. choices.Names.Select(c => new TrialColumn(TrialColumnKind.Choice, c))];
        return (columns, choices);
    }

    private static string Csv(IReadOnlyList<TrialRecord> trials, (IReadOnlyList<TrialColumn> Columns, TrialChoices Choices) picked)
    {
        var (columns, choices) = picked;
        var header = new List<string> { "number", "state", "fidelity", "hash", "candidate" };
        header.AddRange(columns.Select(c => c.Prefix + c.Name));
        header.AddRange(["feasible", "error", "worker", "created_at", "started_at", "finished_at", "seconds"]);

        var csv = new StringBuilder();
        csv.AppendLine(string.Join(",", header.Select(Field)));
        foreach (var t in trials)
        {
            var row = new List<string?> { t.Number.ToString(CultureInfo.InvariantCulture), TrialText.State(t.State), t.Fidelity, t.Hash, t.Candidate.Json };
            row.AddRange(columns.Select(c => c.Kind switch
            {
                TrialColumnKind.Metric => t.Metrics.TryGetValue(c.Name, out var v) ? v.ToString("R", CultureInfo.InvariantCulture) : null,
                TrialColumnKind.Statistic => t.FreeStatistics.TryGetValue(c.Name, out var v) ? v.ToString("R", CultureInfo.InvariantCulture) : null,
                _ => choices.ValueOf(t.Candidate, c.Name),
            }));
            row.AddRange([t.Feasible ? "true" : "false", t.Error, t.Worker, t.CreatedAt.ToString("O"), t.StartedAt?.ToString("O"), t.FinishedAt?.ToString("O"),
                t.Duration?.TotalSeconds.ToString("R", CultureInfo.InvariantCulture)]);
            csv.AppendLine(string.Join(",", row.Select(Field)));
        }

        return csv.ToString();
    }

    // RFC 4180: quote fields holding a comma, quote or line break; double the quotes inside.
    private static string Field(string? value) =>
        value is null ? string.Empty
        : value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\""
        : value;
}
