using Newtonsoft.Json.Linq;
using NasPlatform.Cli.Infrastructure;

namespace NasPlatform.Cli.Tests.Commands;

/// <summary>`nas bench candidates` when one candidate's evaluation fails: the others are measured and kept, the failure named, exit 1, and a rerun retries only it.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class BenchCandidatesCommandTests : IDisposable
{
    private const string InTable = """{"edges":["nor_conv_3x3","nor_conv_3x3","avg_pool_3x3","skip_connect","nor_conv_3x3","skip_connect"]}""";
    private const string NotInTable = """{"edges":["skip_connect","skip_connect","skip_connect","skip_connect","skip_connect","skip_connect"]}""";
    private readonly string _work = Directory.CreateTempSubdirectory("nas-bench-cmd-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void AFailedEvaluationIsNamedAndSkippedWhileTheOthersAreMeasuredAndKept()
    {
        // A one-row lookup table: the bench's evaluator (the experiment's) has no entry for the second cell, and throws.
        var table = Path.Combine(_work, "one-row.csv");
        File.WriteAllText(table, "index,arch,test_accuracy\n1,|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|,93.66\n");
        var experiment = Path.Combine(_work, "bench.json");
        File.WriteAllText(experiment, $$"""
            {
              "name": "bench", "plugin": "tabular",
              "searchSpace": { "name": "nas-bench-201" },
              "evaluator": { "name": "lookup", "options": { "table": "one-row.csv" } },
              "objectives": [ { "metric": "accuracy", "direction": "maximize" } ],
              "strategy": { "name": "random" }, "budget": { "trials": 1 }, "seed": 1
            }
            """);
        File.WriteAllText(Path.Combine(_work, "in.json"), InTable);
        File.WriteAllText(Path.Combine(_work, "missing.json"), NotInTable);
        string[] args = ["bench", "candidates", experiment, "--candidate", $"in={Path.Combine(_work, "in.json")}", "--candidate", $"missing={Path.Combine(_work, "missing.json")}", "--seeds", "0,1", "--plugins", RepoPaths.Plugins];

        var (exit, output, error) = CliRunner.Run(args);

        Assert.Equal(ExitCodes.Failure, exit);
        Assert.Contains("missing seed 0: FAILED: KeyNotFoundException", error, StringComparison.Ordinal);
        Assert.Contains("2 training(s) failed", error, StringComparison.Ordinal);
        Assert.Contains("| in |", output, StringComparison.Ordinal);
        Assert.DoesNotContain("| missing |", output, StringComparison.Ordinal);
        var runs = (JArray)JObject.Parse(File.ReadAllText(Path.Combine(_work, "bench-bench.json")))["runs"]!;
        Assert.Equal(["in", "in"], runs.Select(r => (string)r["name"]!));

        // The rerun finds the kept results and retries only the failed ones.
        var again = CliRunner.Run(args);
        Assert.Equal(ExitCodes.Failure, again.ExitCode);
        Assert.DoesNotContain("in seed 0", again.Error, StringComparison.Ordinal);
        Assert.Contains("missing seed 1: FAILED", again.Error, StringComparison.Ordinal);
    }
}
