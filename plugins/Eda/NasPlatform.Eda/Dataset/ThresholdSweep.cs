using System.Globalization;
using System.Text;
using Newtonsoft.Json;

namespace NasPlatform.Eda.Dataset;

/// <summary>
/// How the version 2 hotspot label would spread under other demand thresholds (<c>nas eda labels DIR --thresholds</c>):
/// per routing condition and threshold, the hotspot fraction's distribution, beside version 1's (the failed nets'
/// pins and short boxes) on the same samples. Computed from the kept placements and qrouter's first-pass failures.
/// </summary>
public sealed record ThresholdSweep
{
    [JsonProperty("thresholds")] public IReadOnlyList<double> Thresholds { get; init; } = [];

    [JsonProperty("conditions")] public IReadOnlyList<ThresholdRow> Conditions { get; init; } = [];

    [JsonProperty("problems")] public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>One routing condition: version 1's hotspot fraction (null when its records do not carry it) and version 2's at each threshold.</summary>
    public sealed record ThresholdRow(
        [property: JsonProperty("condition")] string Condition,
        [property: JsonProperty("samples")] int Samples,
        [property: JsonProperty("pinsAndBoxes")] LabelDistribution? PinsAndBoxes,
        [property: JsonProperty("demand")] IReadOnlyList<LabelDistribution> Demand);

    public static ThresholdSweep Build(string root, IReadOnlyList<SampleRecord> records, IReadOnlyList<double> thresholds)
    {
        var (samples, problems) = Relabeler.DemandHotFractions(root, records, thresholds);
        var rows = samples
            .GroupBy(s => (s.Record.Layers, s.Record.Blockage, s.Record.Derate))
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var list = g.ToList();
                var pins = list.Select(s => PinsAndBoxesFraction(s.Record)).ToList();
                return new ThresholdRow(
                    list[0].Record.Condition,
                    list.Count,
                    pins.All(p => p is not null) ? LabelDistribution.Of(pins.Select(p => p!.Value).ToList(), 0, 1, LabelReport.Bins) : null,
                    thresholds.Select((_, i) => LabelDistribution.Of(list.Select(s => s.HotFractions[i]).ToList(), 0, 1, LabelReport.Bins)).ToList());
            })
            .ToList();
        return new ThresholdSweep { Thresholds = thresholds, Conditions = rows, Problems = problems };
    }

    /// <summary>Version 1's hotspot fraction of a sample: its hot tiles when labelled under version 1, else the count version 2 records keep beside theirs.</summary>
    private static double? PinsAndBoxesFraction(SampleRecord record)
    {
        var tiles = record.Labels!.HotspotVersion == 1 ? record.Labels.HotTiles : record.Labels.PinHotTiles;
        return tiles is { } t ? t / ((double)record.GridSize * record.GridSize) : null;
    }

    /// <summary>Per condition (layers x blockage): the hotspot fraction's median and p90 and how many samples mark more than half of their tiles, for version 1 and each threshold.</summary>
    public string ToText()
    {
        var text = new StringBuilder();
        text.AppendLine("hotspot fraction per routing condition: median / p90 / samples with half or more of their tiles hot, and the histogram (10 bins over 0..1, tenths of the samples)");
        text.Append(Invariant($"{"condition",-10} {"n",4} | {"v1 pins+boxes",-26}"));
        foreach (var t in Thresholds)
            text.Append(Invariant($" | {$"v2 demand >= {t:0.###} cap",-26}"));
        text.AppendLine();
        foreach (var row in Conditions)
        {
            text.Append(Invariant($"{row.Condition,-10} {row.Samples,4} | {Cell(row.PinsAndBoxes, row.Samples),-26}"));
            foreach (var d in row.Demand)
                text.Append(Invariant($" | {Cell(d, row.Samples),-26}"));
            text.AppendLine();
        }

        foreach (var problem in Problems.Take(5))
            text.AppendLine("left out " + problem);
        return text.ToString();
    }

    private static string Cell(LabelDistribution? d, int samples) =>
        d is null ? "-" : Invariant($"{d.Median:0.00}/{d.P90:0.00}/{d.Histogram.Skip(LabelReport.Bins / 2).Sum(),2} {LabelReport.Bars(d)}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
