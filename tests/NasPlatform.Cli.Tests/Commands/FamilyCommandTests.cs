using Newtonsoft.Json.Linq;
using NasPlatform.Cli.Infrastructure;

namespace NasPlatform.Cli.Tests.Commands;

/// <summary>A predictor-guided run on NAS-Bench-201, its predictor quality in `nas status`, then `nas family` on it.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class FamilyCommandTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("nas-family-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private static string Table => Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "data", "nas-bench-201-cifar10.csv"));

    [Fact]
    public void Status_shows_the_predictor_quality_and_family_finds_candidates_under_each_constraint_set()
    {
        var file = WriteExperiment("guided", trials: 30);
        var run = CliRunner.Run("run", file, "--plugins", RepoPaths.Plugins);
        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);

        // JSON only: Spectre's static console keeps the writer of the first command that used it in this process.
        var statusJson = JObject.Parse(CliRunner.Run("status", file, "--json").Out);
        Assert.StartsWith("mlp-ensemble (pretrained on 4 free statistics of 300 samples) fitted on 25 trials", (string?)statusJson["predictor"]!["summary"]);
        Assert.Contains("ranked the 5 trials told since with Kendall tau", (string?)statusJson["predictor"]!["summary"]);
        Assert.Equal(25, (int)statusJson["predictor"]!["trialsTold"]!);
        Assert.Equal(5, (int)statusJson["predictor"]!["values"]!["heldOut"]!);

        var output = Path.Combine(_work, "family.json");
        var family = CliRunner.Run("family", file, "--constraints", "params <= 5e5", "params <= 1e6, flops <= 1.5e8", "--top", "3", "--folds", "3", "-o", output, "--json", "--plugins", RepoPaths.Plugins);
        Assert.True(family.ExitCode == ExitCodes.Success, family.Error);
        Assert.Contains("2 families written to", family.Error);

        var json = JObject.Parse(File.ReadAllText(output));
        Assert.True(JToken.DeepEquals(json, JObject.Parse(family.Out)));
        Assert.Equal(3, (int)json["predictor"]!["crossValidationFolds"]!);
        Assert.InRange((double)json["predictor"]!["kendallTau"]!, -1, 1);
        var families = (JArray)json["families"]!;
        Assert.Equal(2, families.Count);
        Assert.Equal(["params <= 500000"], families[0]["constraints"]!.Values<string>());
        Assert.Equal(["params <= 1000000", "flops <= 150000000"], families[1]["constraints"]!.Values<string>());
        Assert.All(families[0]["candidates"]!, c => Assert.True((double)c["freeStatistics"]!["params"]! <= 5e5));
        Assert.All(families[1]["candidates"]!, c =>
        {
            Assert.True((double)c["freeStatistics"]!["params"]! <= 1e6);
            Assert.True((double)c["freeStatistics"]!["flops"]! <= 1.5e8);
        });
        Assert.All(families, f => Assert.Equal(3, ((JArray)f["candidates"]!).Count));
        Assert.Equal(30, (int)json["predictor"]!["trainedOn"]!);
        Assert.True((double)json["throughput"]!["scoredPerSecond"]! > 0);
    }

    [Fact]
    public void A_malformed_constraint_or_no_constraint_is_bad_input()
    {
        var file = WriteExperiment("bad", trials: 5);

        var malformed = CliRunner.Run("family", file, "--constraints", "params =< 1e6");
        var none = CliRunner.Run("family", file);

        Assert.Equal(ExitCodes.BadInput, malformed.ExitCode);
        Assert.Contains("'params =< 1e6' (in constraint set 'params =< 1e6') is not a constraint", malformed.Error);
        Assert.Equal(ExitCodes.BadInput, none.ExitCode);
        Assert.Contains("at least one constraint set", none.Error);
    }

    private string WriteExperiment(string name, int trials)
    {
        var path = Path.Combine(_work, name + ".json");
        File.WriteAllText(path, $$"""
            {
              "name": "{{name}}",
              "plugin": "tabular",
              "searchSpace": { "name": "nas-bench-201" },
              "evaluator": { "name": "lookup", "options": { "table": "{{Table.Replace("\\", "\\\\")}}" } },
              "objectives": [ { "metric": "accuracy", "direction": "maximize" } ],
              "strategy": {
                "name": "predictor-guided",
                "options": { "initialSamples": 10, "batchSize": 5, "ensembleSize": 3, "epochs": 100, "pretrainSamples": 300, "searchSamples": 200, "searchGenerations": 3 }
              },
              "budget": { "trials": {{trials}} },
              "seed": 3
            }
            """);
        return path;
    }
}
