using Newtonsoft.Json.Linq;
using NasPlatform.Cli.Infrastructure;

namespace NasPlatform.Cli.Tests.Commands;

/// <summary>`nas run`, `status`, `export` and `resume` in-process on the NAS-Bench-201 table.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class RunStatusExportTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("nas-run-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private static string Table => Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "data", "nas-bench-201-cifar10.csv"));

    [Fact]
    public void RunRecordsEveryTrialAndStatusAndExportReadThemBack()
    {
        var file = WriteExperiment("nb", trials: 15, constraint: "params <= 1e6");

        var run = CliRunner.Run("run", file, "--plugins", RepoPaths.Plugins);
        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        Assert.Contains("experiment 'nb' completed: 15 completed", run.Out);

        var status = CliRunner.Run("status", file, "--json", "--plugins", RepoPaths.Plugins);
        Assert.Equal(ExitCodes.Success, status.ExitCode);
        var doc = JObject.Parse(status.Out);
        Assert.Equal("completed", (string?)doc["status"]);
        Assert.Equal(15, (int)doc["counts"]!["completed"]!);
        var trials = (JArray)doc["trials"]!;
        Assert.All(trials, t => Assert.True((double)t["freeStatistics"]!["params"]! <= 1e6));
        var bestAccuracy = trials.Max(t => (double)t["metrics"]!["accuracy"]!);
        Assert.Equal(bestAccuracy, (double)doc["best"]![0]!["metrics"]!["accuracy"]!);

        var csvPath = Path.Combine(_work, "nb.csv");
        var export = CliRunner.Run("export", Path.Combine(_work, "nb.db"), "--format", "csv", "-o", csvPath);
        Assert.Equal(ExitCodes.Success, export.ExitCode);
        var lines = File.ReadAllLines(csvPath);
        Assert.Equal(16, lines.Length);
        Assert.StartsWith("number,state,fidelity,hash,candidate,metric.accuracy,metric.index,stat.", lines[0]);

        var json = CliRunner.Run("export", file, "--format", "json");
        Assert.Equal(15, ((JArray)JObject.Parse(json.Out)["trials"]!).Count);
    }

    [Fact]
    public void RunningACompletedExperimentAgainShowsItsResultAndKeepsIt()
    {
        var file = WriteExperiment("again", trials: 5);
        Assert.Equal(ExitCodes.Success, CliRunner.Run("run", file, "--plugins", RepoPaths.Plugins).ExitCode);

        var second = CliRunner.Run("run", file, "--plugins", RepoPaths.Plugins);

        Assert.Equal(ExitCodes.Success, second.ExitCode);
        Assert.Contains("already ran to its budget", second.Out);
        var status = JObject.Parse(CliRunner.Run("status", file, "--json").Out);
        Assert.Equal(5, ((JArray)status["trials"]!).Count);
    }

    [Fact]
    public void UnknownPluginIsBadInputNamingWhatIsLoaded()
    {
        var file = WriteExperiment("nope", trials: 5);
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"tabular\"", "\"tabulr\""));

        var run = CliRunner.Run("run", file, "--plugins", RepoPaths.Plugins);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("no plugin 'tabulr' is loaded", run.Error);
        Assert.Contains("'tabular'", run.Error);
    }

    [Fact]
    public void StatusTableWrittenToAPipeKeepsWholeColumnNamesAndNumbers()
    {
        var file = WriteExperiment("piped", trials: 4);
        Assert.Equal(ExitCodes.Success, CliRunner.Run("run", file, "--plugins", RepoPaths.Plugins).ExitCode);

        // A child process whose standard output is a pipe, as in `nas status EXP > file` or a CI log.
        var (exit, output, error) = NasProcess.Run(TimeSpan.FromMinutes(2), "status", file, "--plugins", RepoPaths.Plugins);

        Assert.True(exit == ExitCodes.Success, error);
        var header = output.Split('\n').Single(l => l.Contains("trial", StringComparison.Ordinal) && l.Contains("state", StringComparison.Ordinal));
        Assert.Contains("accuracy", header, StringComparison.Ordinal);
        Assert.Contains("params", header, StringComparison.Ordinal);
        Assert.DoesNotContain("…", output, StringComparison.Ordinal);
        // One line per trial, not folded over several (the title line says "completed, 4/4 trials").
        var rows = output.Split('\n').Where(l => l.Contains("completed", StringComparison.Ordinal) && !l.Contains("trials", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, rows.Count);
    }

    [Theory]
    [InlineData(null, RedirectedOutput.DefaultWidth)]
    [InlineData("120", 120)]
    [InlineData("12", RedirectedOutput.DefaultWidth)]
    [InlineData("wide", RedirectedOutput.DefaultWidth)]
    public void RedirectedOutputIsRenderedForColumnsOrAWideDefault(string? columns, int expected)
    {
        Assert.Equal(expected, RedirectedOutput.Width(columns));
    }

    [Fact]
    public void StatusOfAMissingStoreIsBadInput()
    {
        var status = CliRunner.Run("status", Path.Combine(_work, "missing.db"));

        Assert.Equal(ExitCodes.BadInput, status.ExitCode);
        Assert.Contains("does not exist", status.Error);
        Assert.False(File.Exists(Path.Combine(_work, "missing.db")));
    }

    private string WriteExperiment(string name, int trials, string? constraint = null)
    {
        var path = Path.Combine(_work, name + ".json");
        var constraints = constraint is null ? string.Empty : $"\"constraints\": [\"{constraint}\"],";
        File.WriteAllText(path, $$"""
            {
              "name": "{{name}}",
              "plugin": "tabular",
              "searchSpace": { "name": "nas-bench-201" },
              "evaluator": { "name": "lookup", "options": { "table": "{{Table.Replace("\\", "\\\\")}}" } },
              "objectives": [ { "metric": "accuracy", "direction": "maximize" } ],
              {{constraints}}
              "strategy": { "name": "regularized-evolution", "options": { "populationSize": 5, "sampleSize": 3 } },
              "budget": { "trials": {{trials}} },
              "seed": 3
            }
            """);
        return path;
    }
}
