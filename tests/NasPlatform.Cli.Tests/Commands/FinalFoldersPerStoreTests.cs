using Newtonsoft.Json.Linq;
using NasPlatform.Cli.Infrastructure;

namespace NasPlatform.Cli.Tests.Commands;

/// <summary>
/// Final trainings belong to a store like trial folders do: `nas train-final` wrote to <c>&lt;store folder&gt;/&lt;name&gt;-final</c>,
/// so two same-named experiments in two stores of one folder overwrote each other's final models.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class FinalFoldersPerStoreTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("nas-final-per-store-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void Two_same_named_experiments_in_two_stores_train_their_finals_into_their_own_folders()
    {
        var first = Write("a", target: "3141", seed: 3);
        var second = Write("b", target: "2718", seed: 4);
        foreach (var file in new[] { first, second })
        {
            var run = CliRunner.Run("run", file, "--plugins", RepoPaths.Plugins);
            Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        }

        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (file, store) in new[] { (first, "a.db"), (second, "b.db") })
        {
            var trained = CliRunner.Run("train-final", file, "--trial", "0", "--json", "--plugins", RepoPaths.Plugins);
            Assert.True(trained.ExitCode == ExitCodes.Success, trained.Error + trained.Out);

            var folder = Path.Combine(_work, store + ".artifacts", "1-same", "final", "trial-0");
            Assert.True(folders.Add(folder));
            var result = JObject.Parse(File.ReadAllText(Path.Combine(folder, "result.json")));
            Assert.Equal(Path.Combine(_work, store), (string?)result["store"]);
            // Each folder holds its own store's trial 0, not the other store's.
            var stored = ((JArray)JObject.Parse(CliRunner.Run("status", file, "--json").Out)["trials"]!).Single(t => (int)t["number"]! == 0);
            Assert.Equal(stored["candidate"]!.ToString(), JObject.Parse(File.ReadAllText(Path.Combine(folder, "candidate.json"))).ToString());
            Assert.Equal((double)stored["metrics"]!["score"]!, (double)result["metrics"]!["score"]!, 5);
        }

        Assert.False(Directory.Exists(Path.Combine(_work, "same-final")), "the folder of earlier versions, keyed by name alone");
    }

    private string Write(string file, string target, int seed)
    {
        var path = Path.Combine(_work, file + ".json");
        File.WriteAllText(path, $$"""
            {
              "name": "same",
              "plugin": "hello",
              "searchSpace": { "name": "digits", "options": { "length": 4 } },
              "evaluator": { "name": "target", "options": { "target": "{{target}}" } },
              "objectives": [ { "metric": "score", "direction": "maximize" } ],
              "strategy": { "name": "random" },
              "budget": { "trials": 3 },
              "seed": {{seed}},
              "store": "{{file}}.db"
            }
            """);
        return path;
    }
}
