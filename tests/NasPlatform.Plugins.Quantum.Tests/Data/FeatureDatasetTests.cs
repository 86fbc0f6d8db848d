using System.Diagnostics;
using NasPlatform.Datasets;
using NasPlatform.Engine.Plugins;
using NasPlatform.Plugins.Quantum.Data;
using Xunit.Abstractions;

namespace NasPlatform.Plugins.Quantum.Tests.Data;

public sealed class FeatureDatasetTests(ITestOutputHelper output)
{
    private static readonly FeatureDatasetOptions TshirtVsTrouser = new(ClassA: 0, ClassB: 1, Features: 4, TrainSamples: 200, Seed: 7);

    [Fact]
    public void Two_classes_become_balanced_angle_features_with_the_whole_test_split()
    {
        var watch = Stopwatch.StartNew();
        var dataset = FeatureDataset.Prepare(FashionMnist.Load(), TshirtVsTrouser);
        output.WriteLine($"prepared in {watch.ElapsedMilliseconds} ms; explained variance {dataset.ExplainedVarianceRatio:P1}");

        Assert.Equal(200, dataset.Train.Count);
        Assert.Equal(100, dataset.Train.CountOf(0));
        Assert.Equal(2000, dataset.Test.Count);
        Assert.Equal(1000, dataset.Test.CountOf(1));
        Assert.Equal(4, dataset.Train.Dimension);
        Assert.Equal(12000, dataset.Pca.SampleCount);
        Assert.All(dataset.Train.Features.Concat(dataset.Test.Features), x => Assert.InRange(x, 0.0, Math.PI));

        // Four components of 784 pixels keep a good part of the variance of two classes.
        Assert.InRange(dataset.ExplainedVarianceRatio, 0.4, 1.0);
    }

    [Fact]
    public void Subsampling_follows_the_seed()
    {
        var data = FashionMnist.Load();
        var cache = new BoundedComponentCache();
        var a = FeatureDataset.Prepare(data, TshirtVsTrouser with { Features = 2 }, cache, "fashion-mnist");
        var b = FeatureDataset.Prepare(data, TshirtVsTrouser with { Features = 2 }, cache, "fashion-mnist");
        var c = FeatureDataset.Prepare(data, TshirtVsTrouser with { Features = 2, Seed = 8 }, cache, "fashion-mnist");

        Assert.Equal(a.Train.Features, b.Train.Features);
        Assert.NotEqual(a.Train.Features, c.Train.Features);
        Assert.Equal(a.Test.Features, c.Test.Features); // the whole test split either way
        Assert.Same(a.Pca.Mean, c.Pca.Mean); // one full PCA of the class pair, kept in the cache
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void Load_caches_by_options_in_the_plugins_cache()
    {
        var options = TshirtVsTrouser with { Features = 3 };
        var cache = new BoundedComponentCache();

        var first = FeatureDataset.Load(cache, options);

        Assert.Same(first, FeatureDataset.Load(cache, options with { }));
        Assert.NotSame(first, FeatureDataset.Load(cache, options with { Seed = 9 }));
        Assert.Equal(4, cache.Count); // the images, the class pair's full PCA, and two feature sets
        Assert.True(cache.Bytes > 60000L * 784, "the images count by their size against the plugin's byte limit");
    }

    [Fact]
    public void Rejects_the_same_class_twice()
    {
        var e = Assert.Throws<ArgumentException>(() => FeatureDataset.Prepare(FashionMnist.Load(), TshirtVsTrouser with { ClassB = 0 }));

        Assert.Contains("T-shirt/top", e.Message);
    }
}
