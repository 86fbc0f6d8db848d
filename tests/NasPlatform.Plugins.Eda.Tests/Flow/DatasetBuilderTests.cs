using NasPlatform.Eda.Dataset;
using NasPlatform.Eda.Features;

namespace NasPlatform.Plugins.Eda.Tests.Flow;

/// <summary>Runs the real qflow and qrouter on a tiny design (a few seconds).</summary>
public sealed class DatasetBuilderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "nas-eda-test-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task PlacesRoutesLabelsAndResumes()
    {
        var spec = new SweepSpec { Designs = ["mul3"], Densities = [0.8], Seeds = 1, Layers = [2, 3], Blockages = [0, 0.4], GridSize = 8 };
        var builder = new DatasetBuilder(_root, spec, DatasetBuilder.FindTechnology("osu018"));

        var done = await builder.BuildAsync(2, null, CancellationToken.None);

        Assert.Equal(4, done);
        var records = SampleFiles.ReadRecords(_root);
        Assert.Equal(4, records.Count);
        Assert.All(records, r => Assert.True(r.Succeeded, r.Error));
        foreach (var r in records)
        {
            Assert.Equal(66, r.Labels!.Nets); // of 81 DEF nets, those with two or more terminals
            Assert.InRange(r.Labels.FirstPassRatio, 0, 1);
            Assert.Equal(SampleLabels.CurrentHotspotVersion, r.Labels.HotspotVersion);
            Assert.Equal(r.Labels.FirstPassFailed > 0, r.Labels.PinHotTiles > 0);
            if (r.Labels.FirstPassFailed == 0)
                Assert.Equal(0, r.Labels.HotTiles);
            Assert.Equal(r.Labels.HotTiles, (int)SampleFiles.ReadFloats(SampleFiles.HotspotPath(_root, r.Key), 64).Sum());
            Assert.Contains(r.Tools, t => t.Command.StartsWith("qrouter -nog", StringComparison.Ordinal));
            var features = SampleFiles.ReadFloats(SampleFiles.FeaturesPath(_root, r.Key), FeatureChannels.All.Count * 64);
            Assert.True(features.Take(64).Sum() > 0, "cell density map is empty");
        }

        // Two layers route worse than three on the same placement; a blockage never helps much.
        var byKnobs = records.ToDictionary(r => (r.Layers, r.Blockage), r => r.Labels!.FirstPassFailed);
        Assert.True(byKnobs[(2, 0.0)] > byKnobs[(3, 0.0)], $"2 layers: {byKnobs[(2, 0.0)]}, 3 layers: {byKnobs[(3, 0.0)]}");
        // Fewer layers: more failed wiring against less capacity, so at least as many demand-hot tiles.
        var hot = records.ToDictionary(r => (r.Layers, r.Blockage), r => r.Labels!.HotTiles);
        Assert.True(hot[(2, 0.0)] >= hot[(3, 0.0)] && hot[(2, 0.0)] > 0, $"hot tiles: 2 layers {hot[(2, 0.0)]}, 3 layers {hot[(3, 0.0)]}");

        var stamp = File.GetLastWriteTimeUtc(SampleFiles.RecordPath(_root, records[0].Key));
        var again = await builder.BuildAsync(2, null, CancellationToken.None);
        Assert.Equal(4, again);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(SampleFiles.RecordPath(_root, records[0].Key)));
    }

    [Fact]
    public async Task RecordsAToolThatRunsOutOfTimeAsAFailedSample()
    {
        var spec = new SweepSpec { Designs = ["mul3"], Densities = [0.7], Seeds = 1, Layers = [2], Blockages = [0], PlaceTimeoutSeconds = 0.05 };
        var builder = new DatasetBuilder(_root, spec, DatasetBuilder.FindTechnology("osu018"));

        await builder.BuildAsync(1, null, CancellationToken.None);

        var record = Assert.Single(SampleFiles.ReadRecords(_root));
        Assert.False(record.Succeeded);
        Assert.Equal("synthesize", record.FailedStep);
        Assert.Contains("ran past", record.Error, StringComparison.Ordinal);
        Assert.True(Assert.Single(record.Tools).TimedOut);
    }
}
