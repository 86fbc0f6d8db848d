using NasPlatform.Abstractions.Options;
using NasPlatform.Abstractions;
using System.Text;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Datasets;
using NasPlatform.Engine;
using NasPlatform.Engine.Plugins;
using NasPlatform.Plugins.Vision.Data;
using NasPlatform.Plugins.Vision.Evaluation;
using NasPlatform.Plugins.Vision.Networks;
using NasPlatform.Plugins.Vision.Spaces;
using NasPlatform.Plugins.Vision.Training;
using NasPlatform.Torch;

namespace NasPlatform.Plugins.Vision.Tests.Evaluation;

/// <summary>
/// The evaluator on an image folder of real Fashion-MNIST images (written as PGM: three classes, 60 training and
/// 20 test images each), and as the CLI sees it: loaded by the engine's PluginCatalog from artifacts/bin/nas/plugins.
/// </summary>
public sealed class VisionEvaluatorTests : IDisposable
{
    private static readonly Lazy<PluginCatalog> Catalog = new(() => PluginCatalog.Load([PluginsFolder]));
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("vision-evaluator-");

    public VisionEvaluatorTests()
    {
        TorchFixture.Ensure();
        var data = FashionMnist.Load();
        WriteSplit(data.Train, Path.Combine(_folder.FullName, "train"), 60);
        WriteSplit(data.Test, Path.Combine(_folder.FullName, "test"), 20);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private static string PluginsFolder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "NasPlatform.sln")))
                {
                    return Path.Combine(dir.FullName, "artifacts", "bin", "nas", "plugins");
                }
            }

            throw new InvalidOperationException($"No NasPlatform.sln above {AppContext.BaseDirectory}.");
        }
    }

    private static void WriteSplit(LabeledImages images, string root, int perClass)
    {
        string[] classes = ["0-tshirt", "1-trouser", "9-boot"];
        int[] labels = [0, 1, 9];
        for (var c = 0; c < classes.Length; c++)
        {
            var folder = Directory.CreateDirectory(Path.Combine(root, classes[c])).FullName;
            foreach (var (index, n) in images.IndicesOf(labels[c]).Take(perClass).Select((index, n) => (index, n)))
            {
                File.WriteAllBytes(Path.Combine(folder, $"{n:000}.pgm"), [.. Encoding.ASCII.GetBytes("P5 28 28 255\n"), .. images.Image(index)]);
            }
        }
    }

    private static JObject Options(string extra = "") => JObject.Parse($$"""
        {
          "dataset": "image-folder", "trainFolder": "train", "testFolder": "test", "validationSize": 60,
          "fidelities": [ { "c": 0.5, "r": 0.5, "s": 0.5, "e": 0.5 }, { "c": 1, "r": 1, "s": 1, "e": 1 } ]{{extra}}
        }
        """);

    private static readonly VisionCandidate TwoConv = new(Baselines.TwoConv, 0, [], 0, TrainingRecipe.Default with { Epochs = 4, BatchSize = 16 });

    [Fact]
    public void Loads_through_the_catalog_with_its_spaces_and_evaluator()
    {
        var plugin = Catalog.Value.Find("vision");
        Assert.NotNull(plugin);
        Assert.Equal(["mbconv", "baselines", "dna-block"], plugin.SearchSpaces.Select(s => s.Name));
        Assert.Equal(["train", "dna-rating"], plugin.Evaluators.Select(e => e.Name));
        Assert.DoesNotContain(Catalog.Value.Failures, f => f.Path.Contains("Vision", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Evaluates_at_each_fidelity_on_the_validation_split_and_trains_final_on_the_test_split()
    {
        var evaluator = Catalog.Value.CreateEvaluator("vision", "train", Options(", \"latency\": true, \"device\": \"auto\""), _folder.FullName, 0, "test.json, $.evaluator.options");
        Assert.Equal(["c0.5-r0.5-s0.5-e0.5", "c1-r1-s1-e1"], evaluator.Fidelities.Select(f => f.Name));
        var work = Directory.CreateDirectory(Path.Combine(_folder.FullName, "work")).FullName;
        var candidate = TwoConv.ToCandidate();

        var progress = new RecordedProgress();
        var quick = await evaluator.EvaluateAsync(new EvaluationRequest(candidate, evaluator.Fidelities[0], 1, work), progress, CancellationToken.None);
        Assert.Equal(2, quick.Metrics["epochs"]);
        // Each epoch's validation accuracy, with the epoch as the step, for a pruner; the last is the result's.
        var stepped = progress.Reports.Where(r => r.Step is not null).ToList();
        Assert.Equal([1, 2], stepped.Select(r => r.Step!.Value));
        Assert.All(stepped, r => Assert.Contains("accuracy", r.Metrics.Keys));
        Assert.All(stepped.SelectMany(r => r.Metrics.Keys), name => Assert.Contains(name, evaluator.Metrics));
        Assert.Equal(quick.Metrics["accuracy"], stepped[^1].Metrics["accuracy"]);
        Assert.Equal(60, quick.Metrics["train_images"]);
        Assert.True(quick.Metrics["latency_ms"] > 0);
        Assert.Equal(((IEvaluator)evaluator).Metrics.Order(StringComparer.Ordinal), quick.Metrics.Keys.Order(StringComparer.Ordinal));
        var full = await evaluator.EvaluateAsync(new EvaluationRequest(candidate, evaluator.Fidelities[1], 1, work), new Progress<EvaluationProgress>(), CancellationToken.None);
        Assert.Equal(120, full.Metrics["train_images"]);
        Assert.True(full.Metrics["accuracy"] > 0.5, $"validation accuracy {full.Metrics["accuracy"]} on 3 classes");

        var final = await ((IFinalTrainer)evaluator).TrainFinalAsync(new EvaluationRequest(candidate, evaluator.Fidelities[1], 1, work), new Progress<EvaluationProgress>(), CancellationToken.None);
        Assert.Equal(180, final.Metrics["train_images"]);
        Assert.True(final.Metrics["test_accuracy"] > 0.5, $"test accuracy {final.Metrics["test_accuracy"]} on 3 classes");
        Assert.Equal(["weights", "candidate", "confusion", "onnx"], final.Artifacts.Select(a => a.Name));
        Assert.True(new FileInfo(final.Artifacts[3].Path).Length > 1000, "model.onnx is written beside model.bin");
        Assert.False(Directory.Exists(Path.Combine(work, "checkpoint")), "the per-epoch checkpoint is removed once the model is written");
        var confusion = ConfusionMatrix.FromJson(JObject.Parse(File.ReadAllText(final.Artifacts[2].Path)));
        Assert.Equal(60, confusion.Total);
        Assert.Equal(final.Metrics["test_accuracy"], confusion.Accuracy);
        Assert.Equal(candidate, NasPlatform.Abstractions.Candidates.Candidate.Parse(File.ReadAllText(final.Artifacts[1].Path)));

        // The saved weights reproduce the reported test accuracy in a freshly built (differently seeded) network.
        var data = VisionData.ImageFolders(TestCache.Shared, Path.Combine(_folder.FullName, "train"), Path.Combine(_folder.FullName, "test"));
        using var model = NetworkBuilder.Build(TwoConv.Network(1, 28, 3), 0.1, seed: 99);
        model.load(final.Artifacts[0].Path);
        Assert.Equal(final.Metrics["test_accuracy"], Trainer.Evaluate(model, data.Test).Accuracy);

        // The recipe augments (so flips training images): the mirror-averaged figure is reported beside the one-view one.
        Assert.Equal(60, final.Metrics["test_images"]);
        Assert.True(TwoConv.Recipe.Augment > 0);
        Assert.Equal(final.Metrics["test_accuracy_mirror_tta"], Trainer.Evaluate(model, data.Test, mirror: true).Accuracy);
        Assert.True(final.Metrics["test_loss_mirror_tta"] != final.Metrics["test_loss"]);
    }

    [Theory]
    [InlineData("gpu", "pattern")]
    [InlineData("cuda:63", "cuda:63")]
    public void A_device_that_is_not_there_or_not_a_device_is_a_configuration_error_naming_the_option(string device, string expected)
    {
        // cuda:63 fails on any machine: without CUDA it names the fix (docs/gpu.md), with fewer GPUs it says how many there are.
        var e = Assert.ThrowsAny<NasConfigurationException>(() =>
            Catalog.Value.CreateEvaluator("vision", "train", Options($", \"device\": \"{device}\""), _folder.FullName, 0, "test.json, $.evaluator.options"));
        Assert.Contains("device", e.Message);
        Assert.Contains(expected, e.Message);
        if (!TorchDevices.CudaAvailable)
        {
            Assert.Contains(device == "gpu" ? "cpu" : "docs/gpu.md", e.Message);
        }
    }

    [Fact]
    public void Missing_fashion_mnist_folder_names_the_option_and_the_package()
    {
        var context = new ComponentContext(_folder.FullName, AppContext.BaseDirectory, 0) { Cache = TestCache.Shared };
        var e = Assert.Throws<ComponentConfigurationException>(() => VisionEvaluatorOptions.From(new TrainEvaluatorOptions { DataFolder = "no-such-folder" }, context));
        Assert.Equal("dataFolder", e.OptionPath);
        Assert.Contains("dataset-fashion-mnist", e.Message);
    }

    [Fact]
    public void Image_folder_without_test_folder_is_a_configuration_error()
    {
        var context = new ComponentContext(_folder.FullName, AppContext.BaseDirectory, 0) { Cache = TestCache.Shared };
        var options = ComponentOptions.Bind<TrainEvaluatorOptions>("""{ "dataset": "image-folder", "trainFolder": "train" }""");
        var e = Assert.Throws<ComponentConfigurationException>(() => VisionEvaluatorOptions.From(options, context));
        Assert.Equal("testFolder", e.OptionPath);
    }

    private sealed class RecordedProgress : IProgress<EvaluationProgress>
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<EvaluationProgress> _reports = new();

        public IReadOnlyList<EvaluationProgress> Reports => _reports.ToList();

        public void Report(EvaluationProgress value) => _reports.Enqueue(value);
    }
}
