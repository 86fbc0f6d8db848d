using Newtonsoft.Json.Linq;
using NasPlatform.Cli.Infrastructure;

namespace NasPlatform.Cli.Tests.Commands;

/// <summary>
/// Issue 22: `nas status` and `nas export` show the candidate one column per choice (the space's named choices,
/// NAS-Bench-201's edges here), `--columns` picks columns by name, and `nas run --rerun` starts a finished
/// experiment afresh while the store keeps the old one.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class CandidateColumnsTests : IDisposable
{
    private static readonly string[] Edges = ["edge_1_0", "edge_2_0", "edge_2_1", "edge_3_0", "edge_3_1", "edge_3_2"];

    private readonly string _work = Directory.CreateTempSubdirectory("nas-columns-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private static string Table => Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "data", "nas-bench-201-cifar10.csv"));

    [Fact]
    public void Status_json_and_the_csv_export_have_a_column_per_edge_holding_the_candidates_operation()
    {
        var file = Run("cols", trials: 6);

        var status = CliRunner.Run("status", file, "--json", "--plugins", RepoPaths.Plugins);
        Assert.True(status.ExitCode == ExitCodes.Success, status.Error);
        var doc = JObject.Parse(status.Out);
        Assert.Equal(Edges, doc["choiceNames"]!.Select(n => (string)n!));
        var trials = (JArray)doc["trials"]!;
        Assert.Equal(6, trials.Count);
        Assert.All(trials, t => Assert.Equal(
            t["candidate"]!["edges"]!.Select(e => (string)e!),
            Edges.Select(e => (string)t["choices"]![e]!)));

        var csv = CliRunner.Run("export", file, "--format", "csv", "--plugins", RepoPaths.Plugins);
        Assert.True(csv.ExitCode == ExitCodes.Success, csv.Error);
        var lines = csv.Out.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var header = lines[0].Split(',');
        var first = Array.IndexOf(header, "choice.edge_1_0");
        Assert.True(first > 0, lines[0]);
        Assert.Equal(Edges.Select(e => "choice." + e), header.Skip(first).Take(6));
        // Row i's edge columns are trial i's operations (the candidate JSON column is quoted and holds commas, so count from the end).
        var fromEnd = header.Length - first;
        foreach (var (line, trial) in lines.Skip(1).Zip(trials))
        {
            var cells = line.Split(',');
            Assert.Equal(trial["candidate"]!["edges"]!.Select(e => (string)e!), cells.Skip(cells.Length - fromEnd).Take(6));
        }
    }

    [Fact]
    public void Columns_picks_metrics_and_choices_by_name_and_an_unknown_name_exits_2_with_the_nearest_one()
    {
        var file = Run("pick", trials: 4);

        var csv = CliRunner.Run("export", file, "--format", "csv", "--columns", "edge_2_1,accuracy,stat.params", "--plugins", RepoPaths.Plugins);
        Assert.True(csv.ExitCode == ExitCodes.Success, csv.Error);
        Assert.StartsWith("number,state,fidelity,hash,candidate,choice.edge_2_1,metric.accuracy,stat.params,feasible,", csv.Out, StringComparison.Ordinal);

        // The text table goes through Spectre's console, which an in-process run cannot capture: a child process writes it to a pipe.
        var table = NasProcess.Run(TimeSpan.FromMinutes(2), "status", file, "--columns", "accuracy,edge_3_2", "--plugins", RepoPaths.Plugins);
        Assert.True(table.ExitCode == ExitCodes.Success, table.Error);
        var headerLine = table.Out.Split('\n').Single(l => l.Contains("trial", StringComparison.Ordinal) && l.Contains("state", StringComparison.Ordinal));
        Assert.Contains("edge_3_2", headerLine, StringComparison.Ordinal);
        Assert.DoesNotContain("edge_1_0", headerLine, StringComparison.Ordinal);
        Assert.DoesNotContain("params", headerLine, StringComparison.Ordinal);
        var json = JObject.Parse(CliRunner.Run("status", file, "--json", "--plugins", RepoPaths.Plugins).Out);
        Assert.All((JArray)json["trials"]!, t => Assert.Contains((string)t["choices"]!["edge_3_2"]!, table.Out, StringComparison.Ordinal));

        var typo = CliRunner.Run("status", file, "--columns", "accuracy,edge_1_O", "--plugins", RepoPaths.Plugins);
        Assert.Equal(ExitCodes.BadInput, typo.ExitCode);
        Assert.Contains("'edge_1_O'", typo.Error, StringComparison.Ordinal);
        Assert.Contains("did you mean edge_1_0?", typo.Error, StringComparison.Ordinal);

        var metricTypo = CliRunner.Run("export", file, "--columns", "acuracy", "--plugins", RepoPaths.Plugins);
        Assert.Equal(ExitCodes.BadInput, metricTypo.ExitCode);
        Assert.Contains("did you mean accuracy?", metricTypo.Error, StringComparison.Ordinal);
        Assert.Empty(metricTypo.Out);
    }

    [Fact]
    public void Status_leaves_out_choice_columns_that_are_empty_in_every_shown_trial()
    {
        // ADAPT-VQE on H2 (psi4, cached) stops after its one double (exact): op1..op7 hold nothing in any trial.
        var path = Path.Combine(_work, "h2-adapt.json");
        File.WriteAllText(path, """
            {
              "name": "h2-adapt",
              "plugin": "quantum",
              "searchSpace": { "name": "excitation", "options": { "orbitals": 2, "electrons": 2, "maxOperators": 8 } },
              "evaluator": { "name": "vqe", "options": { "molecule": { "geometry": "H 0 0 0; H 0 0 0.735", "basis": "sto-3g" },
                "initialState": "hartree-fock", "fidelities": ["s100x1"] } },
              "strategy": { "name": "adapt-vqe" },
              "objectives": [ { "metric": "energy", "direction": "minimize" } ],
              "budget": { "trials": 6 },
              "seed": 0
            }
            """);
        var run = CliRunner.Run("run", path, "--plugins", RepoPaths.Plugins);
        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        var json = JObject.Parse(CliRunner.Run("status", path, "--json", "--plugins", RepoPaths.Plugins).Out);
        var names = json["choiceNames"]!.Select(n => (string)n!).ToList();
        var trials = (JArray)json["trials"]!;
        var filled = names.Where(n => trials.Any(t => ((string?)t["choices"]![n]) is { Length: > 0 })).ToList();
        Assert.Contains("op0", filled);
        Assert.Contains("op7", names);
        Assert.DoesNotContain("op7", filled);

        var table = NasProcess.Run(TimeSpan.FromMinutes(2), "status", path, "--choices", "--plugins", RepoPaths.Plugins);

        Assert.True(table.ExitCode == ExitCodes.Success, table.Error);
        var header = table.Out.Split('\n').Single(l => l.Contains("trial", StringComparison.Ordinal) && l.Contains("state", StringComparison.Ordinal));
        var shown = System.Text.RegularExpressions.Regex.Matches(header, @"\bop\d+\b").Select(m => m.Value).ToList();
        Assert.Equal(filled.Where(n => System.Text.RegularExpressions.Regex.IsMatch(n, @"^op\d+$")), shown);
    }

    [Fact]
    public void Rerun_starts_a_finished_experiment_afresh_and_keeps_the_old_trials_under_an_archived_name()
    {
        var file = Run("again", trials: 4);
        var before = Export(file, null);

        var rerun = CliRunner.Run("run", file, "--rerun", "--plugins", RepoPaths.Plugins);

        Assert.True(rerun.ExitCode == ExitCodes.Success, rerun.Error);
        Assert.Contains("experiment 'again' completed: 4 completed", rerun.Out, StringComparison.Ordinal);
        var archived = rerun.Error[(rerun.Error.IndexOf("'again@archived-", StringComparison.Ordinal) + 1)..];
        archived = archived[..archived.IndexOf('\'', StringComparison.Ordinal)];
        var store = Path.Combine(_work, "again.db");
        // The old trials, with their results, are intact under the archived name; the fresh run has trials of its own.
        Assert.Equal(Rows(before), Rows(Export(store, archived)));
        var fresh = Export(file, null);
        Assert.Equal(4, fresh.Count);
        Assert.All(fresh, t => Assert.Equal("completed", (string?)t["state"]));
        var list = CliRunner.Run("status", store, "--json");
        Assert.Equal(ExitCodes.BadInput, list.ExitCode);
        Assert.Contains(archived, list.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_free_statistic_that_is_an_objective_is_one_column_and_lookups_leave_no_empty_trial_folders()
    {
        var file = Run("twice", trials: 5, objectives: """[ { "metric": "accuracy", "direction": "maximize" }, { "metric": "params", "direction": "minimize" } ]""");

        var table = NasProcess.Run(TimeSpan.FromMinutes(2), "status", file, "--plugins", RepoPaths.Plugins);
        Assert.True(table.ExitCode == ExitCodes.Success, table.Error);
        var headerLine = table.Out.Split('\n').Single(l => l.Contains("trial", StringComparison.Ordinal) && l.Contains("state", StringComparison.Ordinal));
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(headerLine, @"\bparams\b"));
        Assert.Contains("flops", headerLine, StringComparison.Ordinal);

        // A table lookup writes nothing, so the run leaves no trial folders behind (before: one empty folder per trial).
        var artifacts = Path.Combine(_work, "twice.db.artifacts");
        Assert.Empty(Directory.EnumerateDirectories(artifacts, "trial-*", SearchOption.AllDirectories));
    }

    private static List<string> Rows(JArray trials) =>
        [.. trials.Select(t => $"{t["number"]} {t["hash"]} {t["metrics"]!["accuracy"]} {t["createdAt"]}")];

    private static JArray Export(string target, string? experiment)
    {
        var args = new List<string> { "export", target, "--format", "json" };
        if (experiment is not null)
        {
            args.AddRange(["--experiment", experiment]);
        }

        var export = CliRunner.Run([.. args]);
        Assert.True(export.ExitCode == ExitCodes.Success, export.Error);
        return (JArray)JObject.Parse(export.Out)["trials"]!;
    }

    private string Run(string name, int trials, string objectives = """[ { "metric": "accuracy", "direction": "maximize" } ]""")
    {
        var path = Path.Combine(_work, name + ".json");
        File.WriteAllText(path, $$"""
            {
              "name": "{{name}}",
              "plugin": "tabular",
              "searchSpace": { "name": "nas-bench-201" },
              "evaluator": { "name": "lookup", "options": { "table": "{{Table.Replace("\\", "\\\\")}}" } },
              "objectives": {{objectives}},
              "strategy": { "name": "random" },
              "budget": { "trials": {{trials}} },
              "seed": 5
            }
            """);
        var run = CliRunner.Run("run", path, "--plugins", RepoPaths.Plugins);
        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        return path;
    }
}
