using Newtonsoft.Json.Linq;
using NasPlatform.Cli.Infrastructure;

namespace NasPlatform.Cli.Tests.Commands;

/// <summary>
/// A tiny DNA search (`nas run` on the vision plugin's dna-block space and dna-rating evaluator) on a real
/// Fashion-MNIST subset (1,200 training and 300 test images written as image folders), then `nas combine`.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class CombineCommandTests : IDisposable
{
    private const int Bound = 40_000;
    private readonly string _work = Directory.CreateTempSubdirectory("nas-combine-").FullName;

    public CombineCommandTests() => FashionMnistSubset.Write(Path.Combine(_work, "data"));

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void A_dna_search_then_combine_picks_the_best_rated_blocks_under_the_constraint_and_retrains_the_assembled_network()
    {
        var file = WriteDna("dna", trials: 12, constraint: $"params <= {Bound}");
        var run = CliRunner.Run("run", file, "--plugins", RepoPaths.Plugins);
        Assert.True(run.ExitCode == ExitCodes.Success, run.Error + run.Out);
        Assert.True(run.Out.Contains("experiment 'dna' completed: 12 completed, 0 failed", StringComparison.Ordinal), run.Out);
        Assert.Single(Directory.GetFiles(Path.Combine(_work, "teachers"), "teacher-*.bin"));

        var output = Path.Combine(_work, "combined");
        var combine = CliRunner.Run("combine", file, "--top", "2", "--retrain", "--out", output, "--json", "--plugins", RepoPaths.Plugins);
        Assert.True(combine.ExitCode == ExitCodes.Success, combine.Error + combine.Out);

        var trials = ((JArray)JObject.Parse(CliRunner.Run("status", file, "--json").Out)["trials"]!).Where(t => (string?)t["state"] == "completed").ToList();
        var fixedParams = 0.0;
        var combinations = (JArray)JObject.Parse(combine.Out)["combinations"]!;
        Assert.Equal(2, combinations.Count);
        foreach (var combination in combinations)
        {
            var blocks = (JArray)combination["blocks"]!;
            fixedParams = (double)combination["fixedStatistics"]!["params"]!;
            var parameters = (double)combination["statistics"]!["params"]!;
            Assert.True(parameters <= Bound, $"assembled network has {parameters} parameters");
            Assert.Equal(fixedParams + blocks.Sum(b => (double)b["freeStatistics"]!["params"]!), parameters);
            Assert.Equal([0, 1, 2, 3], blocks.Select(b => (int)b["candidate"]!["block"]!));
            Assert.Equal(blocks.Select(b => b["candidate"]!["stage"]!.ToString()), combination["candidate"]!["architecture"]!["stages"]!.Select(s => s.ToString()));
            var folder = (string)combination["folder"]!;
            Assert.True(JToken.DeepEquals(combination["candidate"], JObject.Parse(File.ReadAllText(Path.Combine(folder, "candidate.json")))));
            Assert.True(File.Exists(Path.Combine(folder, "model.bin")));
            Assert.InRange((double)combination["final"]!["metrics"]!["test_accuracy"]!, 0.2, 1);
            Assert.Equal(1200, (double)combination["final"]!["metrics"]!["train_images"]!);
        }

        // Brute force over the store's ratings: the first combination is the best sum under the bound, the second the next.
        var perBlock = Enumerable.Range(0, 4).Select(k => trials.Where(t => (int)t["candidate"]!["block"]! == k)
            .Select(t => (Rating: (double)t["metrics"]!["rating"]!, Params: (double)t["freeStatistics"]!["params"]!)).ToList()).ToList();
        var sums = perBlock.Aggregate(new[] { (Rating: 0.0, Params: fixedParams) }.AsEnumerable(),
            (partial, options) => partial.SelectMany(p => options.Select(o => (p.Rating + o.Rating, p.Params + o.Params))))
            .Where(c => c.Params <= Bound).Select(c => c.Rating).Order().ToList();
        Assert.Equal(sums[0], (double)combinations[0]["ratingSum"]!, 5);
        Assert.Equal(sums[1], (double)combinations[1]["ratingSum"]!, 5);
        Assert.True(sums[0] < perBlock.Sum(o => o.Max(x => x.Rating)));
    }

    [Fact]
    public void Combine_names_the_constraint_a_missing_block_or_a_space_that_is_not_block_wise_and_train_final_refuses_a_block()
    {
        var tight = WriteDna("tight", trials: 12, constraint: "params <= 21000");
        var few = WriteDna("few", trials: 2, constraint: $"params <= {Bound}");
        var table = WriteTabular();
        foreach (var file in new[] { tight, few, table })
        {
            var run = CliRunner.Run("run", file, "--plugins", RepoPaths.Plugins);
            Assert.True(run.ExitCode == ExitCodes.Success, run.Error + run.Out);
        }

        var noFit = CliRunner.Run("combine", tight, "--plugins", RepoPaths.Plugins);
        var missing = CliRunner.Run("combine", few, "--plugins", RepoPaths.Plugins);
        var notBlockwise = CliRunner.Run("combine", table, "--plugins", RepoPaths.Plugins);
        var blockAlone = CliRunner.Run("train-final", few, "--trial", "0", "--plugins", RepoPaths.Plugins);

        Assert.Equal(ExitCodes.BadInput, noFit.ExitCode);
        Assert.Matches(@"No combination of the rated blocks meets 'params <= 21000': the smallest achievable params is 2\d{4}\b", noFit.Error);
        Assert.Equal(ExitCodes.BadInput, missing.ExitCode);
        Assert.Contains("has no completed rating (metric 'rating' at fidelity 'n64-e1') for blocks", missing.Error);
        Assert.Equal(ExitCodes.BadInput, notBlockwise.ExitCode);
        Assert.Contains("searches the space 'nas-bench-201', which is not block-wise", notBlockwise.Error);
        Assert.Equal(ExitCodes.BadInput, blockAlone.ExitCode);
        Assert.Contains("Trial 0 of 'few' cannot be trained for deployment: dna-rating trains whole networks only", blockAlone.Error);
        Assert.Contains("nas combine EXP --retrain", blockAlone.Error);
        Assert.DoesNotContain("   at ", blockAlone.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_work, "tight.db.artifacts", "1-tight", "final")));
    }

    private string WriteDna(string name, int trials, string constraint)
    {
        var path = Path.Combine(_work, name + ".json");
        File.WriteAllText(path, $$"""
            {
              "name": "{{name}}",
              "plugin": "vision",
              "searchSpace": { "name": "dna-block", "options": { "depths": [1, 2], "expansions": [1, 2], "kernels": [3], "squeezeExcite": [false], "activations": ["relu"], "recipe": { "epochs": 4, "batchSize": 32, "augment": 0 } } },
              "evaluator": { "name": "dna-rating", "options": {
                "dataset": "image-folder", "trainFolder": "data/train", "testFolder": "data/test", "validationSize": 200, "teacherEpochs": 1, "teacherImages": 512, "teacherRecipe": { "batchSize": 32, "augment": 0 },
                "teacherFolder": "teachers", "validationImages": 64, "fidelities": [{ "images": 64, "epochs": 1 }] } },
              "objectives": [ { "metric": "rating", "direction": "minimize" } ],
              "constraints": [ "{{constraint}}" ],
              "strategy": { "name": "random" },
              "budget": { "trials": {{trials}} },
              "seed": 4,
              "store": "{{name}}.db"
            }
            """);
        return path;
    }

    private string WriteTabular()
    {
        var table = Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "data", "nas-bench-201-cifar10.csv"));
        var path = Path.Combine(_work, "table.json");
        File.WriteAllText(path, $$"""
            {
              "name": "table",
              "plugin": "tabular",
              "searchSpace": { "name": "nas-bench-201" },
              "evaluator": { "name": "lookup", "options": { "table": "{{table.Replace("\\", "\\\\")}}" } },
              "objectives": [ { "metric": "accuracy", "direction": "maximize" } ],
              "strategy": { "name": "random" },
              "budget": { "trials": 2 },
              "seed": 0,
              "store": "table.db"
            }
            """);
        return path;
    }
}
