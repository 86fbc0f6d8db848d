using Newtonsoft.Json;
using NasPlatform.Eda.Dataset;
using NasPlatform.Eda.Features;
using NasPlatform.Eda.Flow;
using NasPlatform.Eda.Geometry;

namespace NasPlatform.Plugins.Eda.Tests.Flow;

/// <summary>The metal3 derate condition: uniform stripes that remove a share of metal3's tracks, routed for real on mul3.</summary>
public sealed class DerateTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("nas-eda-derate-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void StripesCoverTheShareOfEveryPeriodOnMetal3Only()
    {
        var die = new Rect(0, 0, 30, 9);

        var stripes = Blockages.For(die, new RoutingKnobs(3, 0, 1, Derate: 0.34));

        Assert.Equal(3, stripes.Count); // y = 0, 3, 6
        Assert.All(stripes, s => Assert.Equal(Blockages.DerateLayer, s.Layer));
        Assert.All(stripes, s => Assert.Equal(30, s.Rect.Width, 6));
        Assert.Equal(0.34 * 9, stripes.Sum(s => s.Rect.Height), 6);
        Assert.Equal([0.0, 3.0, 6.0], stripes.Select(s => s.Rect.Y0));
        Assert.Empty(Blockages.For(die, new RoutingKnobs(2, 0, 1, Derate: 0.34))); // no metal3 to cut
        Assert.Empty(Blockages.For(die, new RoutingKnobs(3, 0, 1)));
        // With a blockage: its rectangle on metal2 and metal3, then the stripes.
        Assert.Equal(5, Blockages.For(die, new RoutingKnobs(3, 0.2, 1, Derate: 0.34)).Count);
    }

    [Fact]
    public void AnUnderatedSweepKeepsItsSpecAndKeys()
    {
        Assert.DoesNotContain("derates", JsonConvert.SerializeObject(new SweepSpec()), StringComparison.Ordinal);
        Assert.Contains("\"derates\"", JsonConvert.SerializeObject(new SweepSpec { Derates = [0, 0.34] }), StringComparison.Ordinal);
        Assert.Equal("m-d0.7-s1-L3-b0.1", DatasetBuilder.SampleKey("m-d0.7-s1", 3, 0.1));
        Assert.Equal("m-d0.7-s1-L3-b0-r0.34", DatasetBuilder.SampleKey("m-d0.7-s1", 3, 0, 0.34));
        Assert.Equal(16, new SweepSpec { Designs = ["mul3"], Densities = [0.7], Seeds = 2, Layers = [3, 4], Blockages = [0, 0.1], Derates = [0, 0.34] }.SampleCount);
        Assert.Contains(new SweepSpec { Derates = [1.0] }.Check(), e => e.StartsWith("derates:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ADeratedRunCutsMetal3AndMoreNetsFail()
    {
        var spec = new SweepSpec { Designs = ["mul3"], Densities = [0.8], Seeds = 1, Layers = [3], Blockages = [0], Derates = [0, 0.5], GridSize = 8 };

        Assert.Equal(2, await new DatasetBuilder(_root, spec, DatasetBuilder.FindTechnology("osu018")).BuildAsync(1, null, CancellationToken.None));

        var records = SampleFiles.ReadRecords(_root).ToDictionary(r => r.Derate);
        Assert.All(records.Values, r => Assert.True(r.Succeeded, r.Error));
        var cut = records[0.5];
        Assert.Equal("mul3-d0.8-s1-L3-b0-r0.5", cut.Key);
        Assert.Equal("L3 b0 r0.5", cut.Condition);
        Assert.Equal("L3 b0", records[0].Condition);
        Assert.True(cut.Labels!.FirstPassFailed > records[0].Labels!.FirstPassFailed, $"derated {cut.Labels.FirstPassFailed}, free {records[0].Labels!.FirstPassFailed}");
        var script = File.ReadAllText(Path.Combine(Relabeler.RouteFolder(_root, cut), "route.tcl"));
        Assert.Contains(" metal3", script.Split('\n').Last(l => l.StartsWith("obstruction", StringComparison.Ordinal)), StringComparison.Ordinal);
        // The model sees the cut: the blockage channel of the derated sample is larger in every tile.
        var channel = FeatureChannels.All.ToList().IndexOf(FeatureChannels.MacroBlockage);
        float[] Blockage(SampleRecord r) => SampleFiles.ReadFloats(SampleFiles.FeaturesPath(_root, r.Key), FeatureChannels.All.Count * 64).Skip(channel * 64).Take(64).ToArray();
        var (free, derated) = (Blockage(records[0]), Blockage(cut));
        Assert.All(Enumerable.Range(0, 64), i => Assert.True(derated[i] > free[i], $"tile {i}: {derated[i]} vs {free[i]}"));
    }
}
