using NasPlatform.Eda.Dataset;
using Newtonsoft.Json;

namespace NasPlatform.Plugins.Eda.Tests.Dataset;

public sealed class LabelReportTests
{
    private static SampleRecord Sample(string design, int layers, double density, double ratio, int finalFailed, int hotTiles, int version = 2) => new()
    {
        Key = $"{design}-d{density}-s1-L{layers}-b0", Design = design, Density = density, Seed = 1, Layers = layers, Blockage = 0,
        Status = "ok", GridSize = 10, Labels = new SampleLabels(100, (int)(ratio * 100), ratio, finalFailed, hotTiles) { HotspotVersion = version },
    };

    [Fact]
    public void QuantilesInterpolateBetweenRanksAndHistogramsBinOverTheRange()
    {
        var d = LabelDistribution.Of([0.05, 0.15, 0.15, 0.35, 1.0], 0, 1, 10);

        Assert.Equal(5, d.Count);
        Assert.Equal(0.34, d.Mean, 1e-12);
        Assert.Equal(0.15, d.Median, 1e-12);
        Assert.Equal(0.05 + 0.4 * 0.1, d.P10, 1e-12); // position 0.4 between 0.05 and 0.15
        Assert.Equal(0.35 + 0.6 * 0.65, d.P90, 1e-12); // position 3.6 between 0.35 and 1.0
        Assert.Equal([1, 2, 0, 1, 0, 0, 0, 0, 0, 1], d.Histogram); // 1.0 falls in the last bin
        Assert.Equal("24.2.....2", LabelReport.Bars(d)); // tenths of the samples per bin
    }

    [Fact]
    public void LabelsWrittenBeforeTheHotspotVersionReadAsVersionOne()
    {
        var old = JsonConvert.DeserializeObject<SampleLabels>("{\"nets\": 66, \"firstPassFailed\": 17, \"firstPassRatio\": 0.26, \"finalFailed\": 0, \"hotTiles\": 40}")!;
        Assert.Equal(1, old.HotspotVersion);
        Assert.Null(old.PinHotTiles);
        Assert.Equal(40, old.HotTiles);
        var now = JsonConvert.DeserializeObject<SampleLabels>(JsonConvert.SerializeObject(old with { HotspotVersion = 2, PinHotTiles = 40, HotTiles = 7 }))!;
        Assert.Equal((2, 40, 7), (now.HotspotVersion, now.PinHotTiles, now.HotTiles));
    }

    [Fact]
    public void PoolsEachRoutingConditionOverDensitiesAndMeasuresTheSpreadWithinADesign()
    {
        var records = new List<SampleRecord>
        {
            // L3 without derate: design a 0.02-0.06 (range 0.04), design b 0.10-0.11 (0.01), design c one sample (0).
            Sample("a", 3, 0.55, 0.02, 0, 1), Sample("a", 3, 0.85, 0.06, 2, 3), Sample("b", 3, 0.55, 0.10, 5, 4), Sample("b", 3, 0.85, 0.11, 6, 5), Sample("c", 3, 0.7, 0.3, 9, 9),
            // Derated L3: a separate condition, keyed and named by its derate.
            Sample("a", 3, 0.55, 0.10, 20, 20) with { Key = "a-d0.55-s1-L3-b0-r0.34", Derate = 0.34 },
            Sample("a", 3, 0.85, 0.30, 40, 60) with { Key = "a-d0.85-s1-L3-b0-r0.34", Derate = 0.34 },
        };

        var report = LabelReport.Build("data", records);

        Assert.Equal(["L3 b0", "L3 b0 r0.34"], report.Routing.Select(g => g.Name));
        var free = report.Routing[0];
        Assert.Equal((5, 3), (free.Samples, free.Designs));
        Assert.Equal(0.01, free.WithinDesignRatioRange!.Value, 1e-12); // the median of 0.04, 0.01 and 0
        Assert.Equal(0.0, free.Derate);
        var derated = report.Routing[1];
        Assert.Equal(0.34, derated.Derate);
        Assert.Equal(0.2, derated.WithinDesignRatioRange!.Value, 1e-12);
        Assert.Equal(1, derated.MostlyHot); // 60 of 100 tiles
        Assert.Contains("L3 b0 r0.34 d0.85", report.Conditions.Select(c => c.Name));
        Assert.Contains("a L3 b0 r0.34", report.Designs.Select(c => c.Name));
        // The routing table's row ends with the within-design range; the condition x density rows do not.
        Assert.Single(report.ToText().Split('\n'), l => l.StartsWith("L3 b0 r0.34 ", StringComparison.Ordinal) && l.TrimEnd().EndsWith("| 0.200", StringComparison.Ordinal));
    }

    [Fact]
    public void GroupsByConditionAndDesignAndCountsMostlyHotMaps()
    {
        var records = new List<SampleRecord>
        {
            Sample("a", 2, 0.7, 0.5, 10, 80), Sample("b", 2, 0.7, 0.6, 20, 60), Sample("a", 3, 0.7, 0.1, 0, 0), Sample("b", 3, 0.7, 0.2, 1, 10, version: 1),
            new() { Key = "c-d0.7-s1-L2-b0", Design = "c", Density = 0.7, Seed = 1, Layers = 2, Blockage = 0, Status = "failed", Error = "qrouter was killed" },
        };

        var report = LabelReport.Build("data", records);

        Assert.Equal(5, report.Samples);
        Assert.Equal(1, report.FailedSamples);
        Assert.Equal(new Dictionary<string, int> { ["1"] = 1, ["2"] = 3 }, report.HotspotVersions);
        Assert.Equal(4, report.All.Samples);
        Assert.Equal(["L2 b0 d0.7", "L3 b0 d0.7"], report.Conditions.Select(c => c.Name));
        var two = report.Conditions[0];
        Assert.Equal(2, two.Samples);
        Assert.Equal(0.55, two.FirstPassRatio.Median, 1e-12);
        Assert.Equal(0.7, two.HotspotFraction.Median, 1e-12); // 80 and 60 of 100 tiles
        Assert.Equal(2, two.MostlyHot);
        Assert.Equal(0, report.Conditions[1].MostlyHot);
        Assert.Equal(1, report.Conditions[1].NoneHot);
        Assert.Equal(["a L2 b0", "a L3 b0", "b L2 b0", "b L3 b0"], report.Designs.Select(c => c.Name));

        var text = report.ToText();
        Assert.Contains("data: 5 samples, 1 failed, 4 labelled over 2 designs; hotspot label versions: v1 x1, v2 x3", text, StringComparison.Ordinal);
        Assert.Contains("L2 b0 d0.7", text, StringComparison.Ordinal);
        var json = JsonConvert.DeserializeObject<LabelReport>(JsonConvert.SerializeObject(report))!;
        Assert.Equal(0.55, json.Conditions[0].FirstPassRatio.Median, 1e-12);
    }
}
