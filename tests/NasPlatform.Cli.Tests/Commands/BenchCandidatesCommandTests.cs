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
    [Fact]
    public void ATestDesignWithoutUsableSamplesExits2NamingItAndTheDesignsThatCanBeScored()
    {
        // Records only (the check reads no feature maps): two good designs and spm, whose samples all failed.
        var samples = Path.Combine(_work, "data", "samples");
        Directory.CreateDirectory(samples);
        foreach (var (key, design, status) in new[] { ("uart-1", "uart", "ok"), ("mul8-1", "mul8", "ok"), ("fir4_6-1", "fir4_6", "ok"), ("spm-1", "spm", "failed") })
            File.WriteAllText(Path.Combine(samples, key + ".json"), new JObject { ["key"] = key, ["design"] = design, ["status"] = status, ["gridSize"] = 32 }.ToString());
        var experiment = Path.Combine(_work, "eda.json");
        File.WriteAllText(experiment, """
            {
              "name": "eda", "plugin": "eda",
              "searchSpace": { "name": "routability-fcn" },
              "evaluator": { "name": "routability", "options": { "dataset": "data" } },
              "objectives": [ { "metric": "val_score", "direction": "maximize" } ],
              "strategy": { "name": "random" }, "budget": { "trials": 1 }, "seed": 1
            }
            """);
        var candidate = Path.Combine(RepoPaths.Root, "examples", "eda", "plain-cnn.json");
        string[] Bench(params string[] split) => ["bench", "candidates", experiment, "--candidate", $"plain={candidate}", "--seeds", "0", .. split, "--plugins", RepoPaths.Plugins];

        var absent = CliRunner.Run(Bench("--test-designs", "uart,i2c_master"));
        Assert.Equal(ExitCodes.BadInput, absent.ExitCode);
        Assert.Contains("testDesigns", absent.Error, StringComparison.Ordinal);
        Assert.Contains("'i2c_master'", absent.Error, StringComparison.Ordinal);
        Assert.Contains("fir4_6, mul8, uart", absent.Error, StringComparison.Ordinal);

        // Under the plugin's group (`nas eda bench candidates`), the same command and the same answer.
        var scoped = CliRunner.Run(["eda", .. Bench("--test-designs", "uart,i2c_master")]);
        Assert.Equal(ExitCodes.BadInput, scoped.ExitCode);
        Assert.Contains("'i2c_master'", scoped.Error, StringComparison.Ordinal);
        Assert.Contains("fir4_6, mul8, uart", scoped.Error, StringComparison.Ordinal);

        var failed = CliRunner.Run(Bench("--validation-designs", "spm"));
        Assert.Equal(ExitCodes.BadInput, failed.ExitCode);
        Assert.Contains("'spm'", failed.Error, StringComparison.Ordinal);
        Assert.Contains("samples failed", failed.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_work, "eda-bench.json")), "nothing was trained");
    }

    [Fact]
    public void DesignOptionsOnAnEvaluatorWithoutADesignSplitExit2()
    {
        var experiment = Path.Combine(_work, "bench.json");
        File.WriteAllText(Path.Combine(_work, "t.csv"), "index,arch,test_accuracy\n");
        File.WriteAllText(experiment, """
            {
              "name": "bench", "plugin": "tabular",
              "searchSpace": { "name": "nas-bench-201" },
              "evaluator": { "name": "lookup", "options": { "table": "t.csv" } },
              "objectives": [ { "metric": "accuracy", "direction": "maximize" } ],
              "strategy": { "name": "random" }, "budget": { "trials": 1 }, "seed": 1
            }
            """);
        File.WriteAllText(Path.Combine(_work, "in.json"), InTable);

        var (exit, _, error) = CliRunner.Run(["bench", "candidates", experiment, "--candidate", $"in={Path.Combine(_work, "in.json")}", "--test-designs", "uart", "--plugins", RepoPaths.Plugins]);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("testDesigns", error, StringComparison.Ordinal);
    }
}
