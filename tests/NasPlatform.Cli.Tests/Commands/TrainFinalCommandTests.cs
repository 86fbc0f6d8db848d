using Newtonsoft.Json.Linq;
using NasPlatform.Cli.Infrastructure;

namespace NasPlatform.Cli.Tests.Commands;

/// <summary>
/// `nas train-final EXP --candidate FILE` on the vision plugin: a hand-written candidate (a baseline with a recipe
/// the baselines space does not offer) trained with an experiment's evaluator, on real Fashion-MNIST images.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class TrainFinalCommandTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("nas-train-final-").FullName;

    public TrainFinalCommandTests() => FashionMnistSubset.Write(Path.Combine(_work, "data"));

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void A_candidate_file_is_trained_with_the_experiments_evaluator_without_a_store_and_the_same_file_retrains_the_same_way()
    {
        var experiment = WriteExperiment();
        var candidate = WriteCandidate("lenet-sgd.json", """{ "baseline": "lenet5", "recipe": { "optimizer": "sgd", "learningRate": 0.05, "weightDecay": 0.0001, "epochs": 2, "batchSize": 32, "labelSmoothing": 0.0, "dropout": 0.0, "mixup": 0.0, "ema": 0.0, "augment": 0.0 } }""");

        var first = CliRunner.Run("train-final", experiment, "--candidate", candidate, "--json", "--plugins", RepoPaths.Plugins);
        Assert.True(first.ExitCode == ExitCodes.Success, first.Error + first.Out);
        var report = JObject.Parse(first.Out);
        // Keyed by the store the file names, though no experiment is stored: two stores never share a final folder.
        var folder = Path.Combine(_work, "small.db.artifacts", "final-small", "lenet-sgd");
        Assert.Equal(candidate, (string?)report["candidateFile"]);
        Assert.Equal(JTokenType.Null, report["trial"]!.Type);
        Assert.Equal("sgd", (string?)report["candidate"]!["recipe"]!["optimizer"]);
        Assert.Equal(1200, (double)report["metrics"]!["train_images"]!);
        Assert.Equal(300, (double)report["metrics"]!["test_images"]!);
        Assert.InRange((double)report["metrics"]!["test_accuracy"]!, 0.3, 1);  // 10 classes: chance is 0.1
        Assert.True(File.Exists(Path.Combine(folder, "model.bin")), report.ToString());
        Assert.True(JToken.DeepEquals(JObject.Parse(File.ReadAllText(candidate)), JObject.Parse(File.ReadAllText(Path.Combine(folder, "candidate.json")))));
        Assert.False(File.Exists(Path.Combine(_work, "small.db")), "training a candidate file needs no store, and makes none");

        var again = CliRunner.Run("train-final", experiment, "--candidate", candidate, "--json", "--out", Path.Combine(_work, "again"), "--plugins", RepoPaths.Plugins);
        Assert.True(again.ExitCode == ExitCodes.Success, again.Error + again.Out);
        var second = JObject.Parse(again.Out);
        Assert.Equal((int)report["seed"]!, (int)second["seed"]!);
        Assert.Equal((double)report["metrics"]!["test_accuracy"]!, (double)second["metrics"]!["test_accuracy"]!);
        Assert.Equal((double)report["metrics"]!["test_loss"]!, (double)second["metrics"]!["test_loss"]!);
    }

    [Fact]
    public void A_store_supplies_the_evaluator_of_the_experiment_it_holds()
    {
        var experiment = WriteExperiment(trials: 1);
        var run = CliRunner.Run("run", experiment, "--plugins", RepoPaths.Plugins);
        Assert.True(run.ExitCode == ExitCodes.Success, run.Error + run.Out);
        var store = Path.Combine(_work, "small.db");
        var candidate = WriteCandidate("lenet-1.json", """{ "baseline": "lenet5", "recipe": { "optimizer": "adamw", "learningRate": 0.002, "weightDecay": 0.05, "epochs": 1, "batchSize": 32, "labelSmoothing": 0.1, "dropout": 0.1, "mixup": 0.0, "ema": 0.0, "augment": 0.5 } }""");

        var trained = CliRunner.Run("train-final", store, "--candidate", candidate, "--json", "--plugins", RepoPaths.Plugins);

        Assert.True(trained.ExitCode == ExitCodes.Success, trained.Error + trained.Out);
        var report = JObject.Parse(trained.Out);
        Assert.Equal("small", (string?)report["experiment"]);
        Assert.Equal(store, (string?)report["store"]);
        Assert.Equal(1200, (double)report["metrics"]!["train_images"]!);
        // The recipe augments, so the mirror-averaged figure comes with the one-view one.
        Assert.InRange((double)report["metrics"]!["test_accuracy_mirror_tta"]!, 0.1, 1);
        Assert.True(File.Exists(Path.Combine(_work, "small.db.artifacts", "1-small", "final", "lenet-1", "model.bin")));
        Assert.Single((JArray)JObject.Parse(CliRunner.Run("status", store, "--json").Out)["trials"]!, t => (string?)t["state"] == "completed");
    }

    [Fact]
    public void Bad_candidate_files_and_conflicting_options_are_named_with_the_fix_and_exit_2()
    {
        var experiment = WriteExperiment();
        var notJson = WriteCandidate("broken.json", "{ \"baseline\": \"lenet5\",\n  \"recipe\": { ");
        var badRecipe = WriteCandidate("bad-recipe.json", """{ "baseline": "lenet5", "recipe": { "optimizer": "rmsprop", "learningRate": 0.05, "weightDecay": 0, "epochs": 1, "batchSize": 32, "labelSmoothing": 0, "dropout": 0, "mixup": 0, "ema": 0, "augment": 0 } }""");

        var missing = CliRunner.Run("train-final", experiment, "--candidate", Path.Combine(_work, "nowhere.json"), "--plugins", RepoPaths.Plugins);
        var broken = CliRunner.Run("train-final", experiment, "--candidate", notJson, "--plugins", RepoPaths.Plugins);
        var bad = CliRunner.Run("train-final", experiment, "--candidate", badRecipe, "--plugins", RepoPaths.Plugins);
        var both = CliRunner.Run("train-final", experiment, "--candidate", badRecipe, "--trial", "0", "--plugins", RepoPaths.Plugins);
        var neither = CliRunner.Run("train-final", experiment, "--plugins", RepoPaths.Plugins);

        foreach (var result in new[] { missing, broken, bad, both, neither })
        {
            Assert.True(result.ExitCode == ExitCodes.BadInput, result.Error + result.Out);
            Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        }

        Assert.Contains($"Candidate file {Path.Combine(_work, "nowhere.json")} does not exist", missing.Error);
        Assert.Contains($"{notJson}:2:", broken.Error);
        Assert.Contains("not JSON", broken.Error);
        Assert.Contains($"The candidate in {badRecipe} cannot be trained for deployment", bad.Error);
        Assert.Contains("recipe.optimizer must be \"sgd\" or \"adamw\"", bad.Error);
        Assert.Contains("give one of them", both.Error);
        Assert.Contains("--candidate FILE", neither.Error);
        Assert.False(Directory.Exists(Path.Combine(_work, "small-final", "bad-recipe", "checkpoint")));
    }

    private string WriteCandidate(string name, string json)
    {
        var path = Path.Combine(_work, name);
        File.WriteAllText(path, json);
        return path;
    }

    private string WriteExperiment(int trials = 4)
    {
        var path = Path.Combine(_work, "small.json");
        File.WriteAllText(path, $$"""
            {
              "name": "small",
              "plugin": "vision",
              "searchSpace": { "name": "baselines" },
              "evaluator": { "name": "train", "options": {
                "dataset": "image-folder", "trainFolder": "data/train", "testFolder": "data/test", "validationSize": 200,
                "fidelities": [{ "c": 1, "r": 1, "s": 1, "e": 1 }] } },
              "objectives": [ { "metric": "accuracy", "direction": "maximize" } ],
              "strategy": { "name": "random" },
              "budget": { "trials": {{trials}} },
              "seed": 3,
              "store": "small.db"
            }
            """);
        return path;
    }
}
