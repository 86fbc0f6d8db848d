using NasPlatform.Eda.Dataset;
using NasPlatform.Eda.Def;
using NasPlatform.Eda.Features;
using NasPlatform.Eda.Lef;
using Newtonsoft.Json;

namespace NasPlatform.Plugins.Eda.Tests.Dataset;

/// <summary>--relabel upgrades version-1 hotspot labels from the kept placement and qrouter's stage1.txt, without routing.</summary>
public sealed class RelabelerTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("nas-eda-relabel-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static SampleRecord Old(string key, int layers) => new()
    {
        Key = key, Design = "mul3", Density = 0, Seed = 0, Layers = layers, Blockage = 0, Status = "ok", GridSize = 8,
        Technology = "lef:osu018_stdcells.lef", PlacedDef = "placements/mul3-def-mul3_placed/mul3_placed.def",
        Labels = new SampleLabels(66, 3, 3 / 66.0, 1, 64), // written before hotspotVersion existed: reads as 1
    };

    [Fact]
    public void RelabelsFromTheKeptPlacementAndFirstPassFailuresAndNamesSamplesItCannot()
    {
        var placement = Path.Combine(_root, "placements", "mul3-def-mul3_placed");
        Directory.CreateDirectory(Path.Combine(placement, "route-L2-b0"));
        File.Copy(Fixtures.PlacedDef, Path.Combine(placement, "mul3_placed.def"));
        File.WriteAllText(Path.Combine(placement, "route-L2-b0", "stage1.txt"), "3\nrb[0]\n_0_\nra[0]\nrb[0]\n");
        File.WriteAllText(Path.Combine(_root, "spec.json"), JsonConvert.SerializeObject(new SweepSpec { Designs = [], Lefs = [Fixtures.Lef] }));
        Directory.CreateDirectory(SampleFiles.SamplesFolder(_root));
        var good = Old("mul3-def-mul3_placed-L2-b0", 2);
        var orphan = Old("mul3-def-mul3_placed-L3-b0", 3); // its route folder is gone
        SampleFiles.WriteRecord(_root, good);
        SampleFiles.WriteRecord(_root, orphan);

        var (relabelled, problems) = Relabeler.Relabel(_root);

        Assert.Equal(1, relabelled);
        var problem = Assert.Single(problems);
        Assert.Contains("mul3-def-mul3_placed-L3-b0: ", problem, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(placement, "route-L3-b0", "stage1.txt") + " is missing", problem, StringComparison.Ordinal);

        var library = LefReader.Read(Fixtures.Lef);
        var expected = HotspotLabeler.Label(Placement.Build(DefReader.Read(Fixtures.PlacedDef), library), 8, ["rb[0]", "_0_", "ra[0]"], HotspotLabeler.TracksPerMicron(library.RoutingLayers, 2));
        var map = SampleFiles.ReadFloats(SampleFiles.HotspotPath(_root, good.Key), 64);
        Assert.Equal(expected, map);
        var record = SampleResume.Read(_root, good.Key)!;
        Assert.Equal(SampleLabels.CurrentHotspotVersion, record.Labels!.HotspotVersion);
        Assert.Equal(HotspotLabeler.DemandThreshold, record.Labels.HotspotThreshold);
        Assert.Equal((int)map.Sum(), record.Labels.HotTiles);
        Assert.InRange(record.Labels.PinHotTiles!.Value, 1, 63);
        Assert.Equal(3, record.Labels.FirstPassFailed); // the routing labels are kept
        Assert.Equal(1, SampleResume.Read(_root, orphan.Key)!.Labels!.HotspotVersion);

        var again = Relabeler.Relabel(_root); // nothing left to upgrade but the orphan
        Assert.Equal(0, again.Relabelled);
        Assert.Single(again.Problems);

        // The threshold sweep reads the same inputs: at the label's own threshold it gives the label's hot share.
        var sweep = ThresholdSweep.Build(_root, SampleFiles.ReadRecords(_root), [HotspotLabeler.DemandThreshold, 1e9]);
        var row = Assert.Single(sweep.Conditions);
        Assert.Equal(("L2 b0", 1), (row.Condition, row.Samples));
        Assert.Equal(map.Sum() / 64, row.Demand[0].Median, 1e-12);
        Assert.Equal(0, row.Demand[1].Max);
        Assert.Equal(record.Labels.PinHotTiles!.Value / 64.0, row.PinsAndBoxes!.Median, 1e-12);
        Assert.Contains(sweep.Problems, p => p.StartsWith(orphan.Key, StringComparison.Ordinal));

        // Labelled at another threshold: relabelled too, so a dataset never mixes thresholds.
        SampleFiles.WriteRecord(_root, record with { Labels = record.Labels with { HotspotThreshold = 0.9, HotTiles = 0 } });
        Assert.Equal(1, Relabeler.Relabel(_root).Relabelled);
        Assert.Equal((int)map.Sum(), SampleResume.Read(_root, good.Key)!.Labels!.HotTiles);
    }
}
