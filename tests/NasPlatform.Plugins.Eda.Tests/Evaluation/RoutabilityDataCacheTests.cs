using NasPlatform.Engine.Plugins;
using NasPlatform.Plugins.Eda.Evaluation;
using NasPlatform.Plugins.Eda.Tests.Training;

namespace NasPlatform.Plugins.Eda.Tests.Evaluation;

/// <summary>The evaluator keeps its dataset in the plugin's (host-owned) cache, keyed with the dataset's files.</summary>
public sealed class RoutabilityDataCacheTests : IDisposable
{
    private readonly string _root = SyntheticDataset.Write(Path.Combine(Path.GetTempPath(), "nas-eda-cache-" + Guid.NewGuid().ToString("N")), designs: 3, perDesign: 2, grid: 8);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void The_dataset_is_read_once_per_cache_and_again_after_its_files_change()
    {
        var cache = new BoundedComponentCache();
        var options = new RoutabilityEvaluatorOptions { Dataset = _root, TestDesigns = ["syn2"], HeldOutDesigns = 1 };
        var first = new RoutabilityEvaluator(options) { Cache = cache };
        var second = new RoutabilityEvaluator(options) { Cache = cache };

        var data = first.Data();

        Assert.Same(data, second.Data());
        Assert.True(cache.Bytes > 0, "the dataset is added with its size, so the host bounds it by bytes");
        Assert.NotSame(data, new RoutabilityEvaluator(options).Data());

        File.WriteAllText(Path.Combine(_root, "notes.txt"), "a changed dataset folder");
        Assert.NotSame(data, second.Data());
    }
}
