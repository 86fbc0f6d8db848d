using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Engine.Plugins;
using NasPlatform.Plugins.Eda.Spaces;
using NasPlatform.Plugins.Eda.Tests.Training;

namespace NasPlatform.Plugins.Eda.Tests;

/// <summary>The plugin as the CLI sees it: loaded by the engine's PluginCatalog from artifacts/bin/nas/plugins.</summary>
public sealed class EdaPluginLoadingTests : IDisposable
{
    private static readonly Lazy<PluginCatalog> Catalog = new(() => PluginCatalog.Load([PluginsFolder]));
    private readonly string _root = SyntheticDataset.Write(Path.Combine(Path.GetTempPath(), "nas-eda-cat-" + Guid.NewGuid().ToString("N")), designs: 4, perDesign: 6);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static string PluginsFolder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "NasPlatform.sln")))
                    return Path.Combine(dir.FullName, "artifacts", "bin", "nas", "plugins");
            }

            throw new InvalidOperationException($"No NasPlatform.sln above {AppContext.BaseDirectory}.");
        }
    }

    [Fact]
    public async Task SpaceAndEvaluatorWorkThroughTheCatalog()
    {
        NasPlatform.Torch.TorchThreads.UseHostDefault();
        var plugin = Catalog.Value.Find("eda");
        Assert.NotNull(plugin);
        Assert.DoesNotContain(Catalog.Value.Failures, f => f.Path.Contains("Eda", StringComparison.Ordinal));
        var space = Catalog.Value.CreateSearchSpace("eda", RoutabilitySpace.Name, JObject.Parse("""{ "grid": 8, "maxStages": 3 }"""), Path.GetTempPath(), 0, "test.json, $.searchSpace.options");
        var evaluator = Catalog.Value.CreateEvaluator("eda", "routability", new JObject { ["dataset"] = _root, ["heldOutDesigns"] = 1 }, Path.GetTempPath(), 0, "test.json, $.evaluator.options");
        Assert.Equal(["quarter", "half", "full"], evaluator.Fidelities.Select(f => f.Name));

        var candidate = Baselines.PlainCnn(new TrainingRecipe(2e-3, 0, 20, 8, 1)).ToCandidate();
        Assert.Empty(space.Validate(candidate));
        var work = Directory.CreateTempSubdirectory("eda-catalog-");
        try
        {
            var request = new EvaluationRequest(candidate, evaluator.Fidelities[0], 3, work.FullName);
            var progress = new RecordedProgress();
            var first = await evaluator.EvaluateAsync(request, progress, CancellationToken.None);
            // Without a listener no epoch is validated along the way; the scores must not depend on it.
            var again = await evaluator.EvaluateAsync(request, null!, CancellationToken.None);
            var stepped = progress.Reports.Where(r => r.Step is not null).ToList();
            Assert.Equal([1, 2, 3, 4, 5], stepped.Select(r => r.Step!.Value));
            Assert.All(stepped.SelectMany(r => r.Metrics.Keys), name => Assert.Contains(name, evaluator.Metrics));
            Assert.Equal(first.Metrics["val_score"], stepped[^1].Metrics["val_score"]);
            Assert.Equal(first.Metrics["val_score"], again.Metrics["val_score"]);
            foreach (var metric in new[] { "val_kendall_tau", "val_roc_auc", "test_kendall_tau", "test_kendall_tau_within", "test_kendall_tau_placements", "val_kendall_tau_placements", "test_roc_auc", "params", "flops" })
                Assert.True(first.Metrics.ContainsKey(metric), metric);
            Assert.Equal(first.Metrics["test_roc_auc"], again.Metrics["test_roc_auc"]);
            Assert.Equal(first.Metrics["val_kendall_tau_within"] + first.Metrics["val_roc_auc"], first.Metrics["val_score_within"]);
            Assert.Equal(first.Metrics["test_kendall_tau_within"] + first.Metrics["test_roc_auc"], first.Metrics["test_score_within"]);
            Assert.Equal(first.Metrics["val_score_within"], stepped[^1].Metrics["val_score_within"]);
            Assert.Equal(5, first.Metrics["epochs"]); // quarter fidelity: 0.25 x 20
            Assert.All(first.Artifacts, a => Assert.True(File.Exists(a.Path), a.Name));
            Assert.Equal(["split", "hotspots", "weights", "candidate", "scaling"], first.Artifacts.Select(a => a.Name));
        }
        finally
        {
            work.Delete(true);
        }
    }

    [Fact]
    public void MissingDatasetIsAConfigurationError()
    {
        var e = Assert.ThrowsAny<Exception>(() => Catalog.Value.CreateEvaluator("eda", "routability", new JObject { ["dataset"] = "no-such-dir" }, Path.GetTempPath(), 0, "exp.json, $.evaluator.options"));
        Assert.Contains("nas eda dataset", e.Message, StringComparison.Ordinal);
    }

    private sealed class RecordedProgress : IProgress<EvaluationProgress>
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<EvaluationProgress> _reports = new();

        public IReadOnlyList<EvaluationProgress> Reports => _reports.ToList();

        public void Report(EvaluationProgress value) => _reports.Enqueue(value);
    }
}
