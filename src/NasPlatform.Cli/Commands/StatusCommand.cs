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

        [CommandOption("--columns <LIST>")]
        [Description("The table's columns after trial, state and fidelity: comma-separated metric, free statistic and choice names (e.g. accuracy,params,edge_1_0); an unknown name exits 2 with the nearest one.")]
        public string? Columns { get; init; }

        [CommandOption("--choices")]
        [Description("Show a column per choice of the candidate even when the table is wider than the terminal (by default they are shown when they fit; --json always has them).")]
        public bool Choices { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CommandErrors.Guard(() =>
        {
            using var located = ExperimentLocator.Locate(settings.Experiment, settings.Name);
            var view = StatusView.Of(located, settings.Last, settings.Verify, settings.PluginDirectories);
            var columns = settings.Columns is { } list
                ? TrialColumns.Pick(list, Metrics(view), view.Trials.SelectMany(t => t.FreeStatistics.Keys).Distinct().ToList(), view.Choices.Names)
                : null;
            if (view.Choices.Problem is { } problem)
            {
                Console.Error.WriteLine($"note: {problem}");
            }

            if (settings.Json)
            {
                Console.Out.WriteLine(Json(view).ToString(Formatting.Indented));
            }
            else
            {
                WriteText(view, columns ?? DefaultColumns(view, settings.Choices));
            }

            // A missing or changed artifact is what the check is for: the work found a problem (1), not bad input.
            return view.Verification is { Passed: false } ? ExitCodes.Failure : ExitCodes.Success;
        });

    private static JObject Json(StatusView view)
    {
        var (record, standing) = (view.Located.Record, view.Standing);
        var json = new JObject
        {
            ["experiment"] = record.Name,
            ["store"] = view.Located.Store.Location,
            ["status"] = record.Status.ToString().ToLowerInvariant(),
            ["elapsedSeconds"] = record.ElapsedSeconds,
            ["trialBudget"] = standing.Budget.Trials,
            ["counts"] = new JObject(Enum.GetValues<TrialState>().Select(s => new JProperty(TrialText.State(s), standing.Count(s)))),
            ["choiceNames"] = new JArray(view.Choices.Names),
            ["best"] = new JArray(standing.Best.Select(t => TrialJson.Trial(t, view.Choices))),
            ["bestFidelity"] = standing.BestFidelity,
            ["costSpent"] = standing.CostSpent,
            ["costBudget"] = standing.Budget.Cost,
            ["hypervolume"] = view.Front.HypervolumeJson(),
            ["frontHistory"] = view.Front.HistoryJson(),
            ["trials"] = new JArray(view.Shown.Select(t => TrialJson.Trial(t, view.Choices))),
            ["amendments"] = new JArray(view.Amendments.Select(a => new JObject
            {
                ["sequence"] = a.Sequence,
                ["at"] = a.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
                ["changes"] = new JArray(a.Changes.Select(c => new JObject { ["path"] = c.Path, ["stored"] = c.Stored, ["given"] = c.Given })),
            })),
            ["predictor"] = view.PredictorFit is not { } fit ? JValue.CreateNull() : new JObject
            {
                ["summary"] = fit.Summary,
                ["trialsTold"] = fit.TrialsTold,
                ["values"] = new JObject(fit.Values.Select(v => new JProperty(v.Key, double.IsFinite(v.Value) ? v.Value : null))),
            },
        };
        if (view.Verification is { } verification)
        {
            json["verify"] = VerifyJson(verification);
        }

        return json;
    }

    private static void WriteText(StatusView view, IReadOnlyList<TrialColumn> columns)
    {
        AnsiConsole.Write(TrialTable(view, columns));
        var spec = view.Located.Spec;
        foreach (var b in view.Standing.Best)
        {
            AnsiConsole.MarkupLine($"best (*): trial {b.Number} {Markup.Escape(TrialText.Objectives(b, spec))}  {Markup.Escape(b.Candidate.Json)}");
        }

        if (view.Standing.Best.Count == 0)
        {
            AnsiConsole.WriteLine("no usable trial yet");
        }

        foreach (var line in view.Front.Lines())
        {
            AnsiConsole.WriteLine(line);
        }

        if (view.PredictorFit is { } fit)
        {
            AnsiConsole.MarkupLine($"predictor (latest refit, after {fit.TrialsTold} trials told): {Markup.Escape(fit.Summary)}");
        }

        foreach (var amendment in view.Amendments)
        {
            AnsiConsole.WriteLine($"amendment {amendment.Sequence} ({amendment.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC): {string.Join("; ", amendment.Changes.Select(c => c.ToString()))}");
        }

        if (view.Verification is { } verification)
        {
            foreach (var problem in verification.Problems)
            {
                AnsiConsole.WriteLine(problem.Describe());
            }

            AnsiConsole.WriteLine(verification.Summary);
        }
    }

    /// <summary>The objectives' metrics, then any other metric the trials report.</summary>
    private static List<string> Metrics(StatusView view) =>
        view.Located.Spec.Objectives.Select(o => o.Metric).Concat(view.Trials.SelectMany(t => t.Metrics.Keys)).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// The objectives' metrics and up to three free statistics, then a column per choice when asked or when they
    /// fit the terminal: a table wider than the terminal wraps every row and is harder to read than none.
    /// </summary>
    private static List<TrialColumn> DefaultColumns(StatusView view, bool choices)
    {
        var objectives = view.Located.Spec.Objectives.Select(o => o.Metric).Distinct(StringComparer.Ordinal).ToList();
        // A free statistic that is also an objective (NB201's params) is shown once, as the objective.
        var columns = objectives.Select(o => new TrialColumn(TrialColumnKind.Metric, o))
            .Concat(view.Trials.SelectMany(t => t.FreeStatistics.Keys).Distinct().Where(s => !objectives.Contains(s)).Take(3).Select(s => new TrialColumn(TrialColumnKind.Statistic, s)))
            .ToList();
        // A choice empty in every shown trial (ADAPT's op12..op23 while it has grown 4 operators) is width without content.
        var filled = view.Choices.Names.Where(n => view.Shown.Any(t => view.Choices.ValueOf(t.Candidate, n).Length > 0));
        var withChoices = columns.Concat(filled.Select(n => new TrialColumn(TrialColumnKind.Choice, n))).ToList();
        return choices || Width(view, withChoices) <= AnsiConsole.Profile.Width ? withChoices : columns;
    }

    /// <summary>The rounded table's width in characters: each column's widest cell plus padding and a border.</summary>
    private static int Width(StatusView view, IReadOnlyList<TrialColumn> columns)
    {
        // trial, state, fidelity, s and a short note, each with its padding and border.
        const int fixedWidth = 7 + 10 + 10 + 6 + 12 + (5 * 3);
        return fixedWidth + 1 + columns.Sum(c => 3 + view.Shown.Select(t => Cell(t, c, view).Length).Append(c.Name.Length).Max());
    }

    private static string Cell(TrialRecord trial, TrialColumn column, StatusView view) => column.Kind switch
    {
        TrialColumnKind.Metric => trial.Metrics.TryGetValue(column.Name, out var v) ? TrialText.Number(v) : "-",
        TrialColumnKind.Statistic => trial.FreeStatistics.TryGetValue(column.Name, out var v) ? TrialText.Number(v) : "-",
        _ => view.Choices.ValueOf(trial.Candidate, column.Name),
    };

    private static Table TrialTable(StatusView view, IReadOnlyList<TrialColumn> columns)
    {
        var (record, standing) = (view.Located.Record, view.Standing);
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"{Markup.Escape(record.Name)} ({record.Status.ToString().ToLowerInvariant()}, {Markup.Escape(TrialText.Budget(standing.Finished, standing.Budget.Trials, record.ElapsedSeconds, standing.Budget.Seconds))})")
            .AddColumn("trial").AddColumn("state").AddColumn("fidelity");
        foreach (var c in columns)
        {
            table.AddColumn(c.Kind == TrialColumnKind.Choice ? new TableColumn(Markup.Escape(c.Name)) : new TableColumn(Markup.Escape(c.Name)).RightAligned());
        }

        table.AddColumn(new TableColumn("s").RightAligned()).AddColumn("note");
        var bestNumbers = standing.Best.Select(b => b.Number).ToHashSet();
        foreach (var trial in view.Shown)
        {
            var cells = new List<string>
            {
                bestNumbers.Contains(trial.Number) ? $"[bold green]{trial.Number} *[/]" : trial.Number.ToString(CultureInfo.InvariantCulture),
                TrialText.State(trial.State),
                Markup.Escape(trial.Fidelity),
            };
            cells.AddRange(columns.Select(c => Markup.Escape(Cell(trial, c, view))));
            cells.Add(trial.Duration is { } d ? d.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) : "-");
            cells.Add(Markup.Escape(trial.State == TrialState.Failed ? TrialText.FirstLine(trial.Error) : trial.Feasible ? string.Empty : "infeasible"));
            table.AddRow(cells.ToArray());
        }

        return table;
    }

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
