using NasPlatform.Abstractions;
using System.ComponentModel;
using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NasPlatform.Cli.Display;
using NasPlatform.Cli.Infrastructure;
using NasPlatform.Engine;
using NasPlatform.Engine.Storage;
using Spectre.Console.Cli;

namespace NasPlatform.Cli.Commands;

/// <summary>`nas export EXP --format csv|json`: every trial of an experiment, for analysis elsewhere.</summary>
public sealed class ExportCommand : Command<ExportCommand.Settings>
{
    public sealed class Settings : ExperimentSettings
    {
        [CommandOption("--format <FORMAT>")]
        [Description("csv (one row per trial, a column per metric and free statistic) or json (default csv).")]
        public string Format { get; init; } = "csv";

        [CommandOption("-o|--output <FILE>")]
        [Description("Write to FILE instead of standard output.")]
        public string? Output { get; init; }
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
            var trials = located.Store.GetTrials(located.Record.Id);
            var text = format == "csv" ? Csv(trials) : Json(located, trials);
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

    private static string Json(LocatedExperiment located, IReadOnlyList<TrialRecord> trials) =>
        new JObject
        {
            ["experiment"] = located.Record.Name,
            ["store"] = located.Store.Location,
            ["status"] = located.Record.Status.ToString().ToLowerInvariant(),
            ["seed"] = located.Record.Seed,
            ["createdAt"] = located.Record.CreatedAt.ToString("O"),
            ["elapsedSeconds"] = located.Record.ElapsedSeconds,
            ["spec"] = JToken.Parse(located.Record.SpecDocument),
            ["trials"] = new JArray(trials.Select(TrialJson.Trial)),
        }.ToString(Formatting.Indented) + Environment.NewLine;

    private static string Csv(IReadOnlyList<TrialRecord> trials)
    {
        var metrics = trials.SelectMany(t => t.Metrics.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var statistics = trials.SelectMany(t => t.FreeStatistics.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var header = new List<string> { "number", "state", "fidelity", "hash", "candidate" };
        header.AddRange(metrics.Select(m => "metric." + m));
        header.AddRange(statistics.Select(s => "stat." + s));
        header.AddRange(["feasible", "error", "worker", "created_at", "started_at", "finished_at", "seconds"]);

        var csv = new StringBuilder();
        csv.AppendLine(string.Join(",", header.Select(Field)));
        foreach (var t in trials)
        {
            var row = new List<string?> { t.Number.ToString(CultureInfo.InvariantCulture), TrialText.State(t.State), t.Fidelity, t.Hash, t.Candidate.Json };
            row.AddRange(metrics.Select(m => t.Metrics.TryGetValue(m, out var v) ? v.ToString("R", CultureInfo.InvariantCulture) : null));
            row.AddRange(statistics.Select(s => t.FreeStatistics.TryGetValue(s, out var v) ? v.ToString("R", CultureInfo.InvariantCulture) : null));
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
