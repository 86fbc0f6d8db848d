using System.Globalization;
using System.Text;
using Newtonsoft.Json;

namespace NasPlatform.Eda.Dataset;

/// <summary>
/// The label distributions of a dataset (<c>nas eda labels DIR</c>): over all good samples, per routing condition
/// (layers x blockage x placement density) and per design under each layers x blockage, so a user sees whether each
/// condition spreads its samples (Kendall tau within a condition needs spread) and whether the hotspot maps mark
/// a minority of tiles (ROC-AUC needs both classes).
/// </summary>
public sealed record LabelReport
{
    public const int Bins = 10;

    [JsonProperty("dataset")] public required string Dataset { get; init; }

    [JsonProperty("samples")] public int Samples { get; init; }

    [JsonProperty("failedSamples")] public int FailedSamples { get; init; }

    /// <summary>Good samples per hotspot label version (1: failed nets' pins and short boxes; 2: failed-net wire demand per tile).</summary>
    [JsonProperty("hotspotVersions")] public IReadOnlyDictionary<string, int> HotspotVersions { get; init; } = new Dictionary<string, int>();

    [JsonProperty("all")] public required LabelGroup All { get; init; }

    /// <summary>Per routing condition (layers x blockage x derate), all designs and densities pooled: what within-condition tau ranks.</summary>
    [JsonProperty("routing")] public IReadOnlyList<LabelGroup> Routing { get; init; } = [];

    [JsonProperty("conditions")] public IReadOnlyList<LabelGroup> Conditions { get; init; } = [];

    [JsonProperty("designs")] public IReadOnlyList<LabelGroup> Designs { get; init; } = [];

    public static LabelReport Build(string dataset, IReadOnlyList<SampleRecord> records)
    {
        var good = records.Where(r => r.Succeeded && r.Labels is not null && r.GridSize > 0).ToList();
        return new LabelReport
        {
            Dataset = dataset,
            Samples = records.Count,
            FailedSamples = records.Count(r => !r.Succeeded),
            HotspotVersions = good.GroupBy(r => r.Labels!.HotspotVersion).OrderBy(g => g.Key)
                .ToDictionary(g => g.Key.ToString(CultureInfo.InvariantCulture), g => g.Count()),
            All = Group("all", good),
            Routing = good.GroupBy(r => (r.Layers, r.Blockage, r.Derate)).OrderBy(g => g.Key)
                .Select(g => Group(g.First().Condition, g.ToList()) with
                {
                    Layers = g.Key.Layers, Blockage = g.Key.Blockage, Derate = g.Key.Derate, WithinDesignRatioRange = WithinDesignRange(g.ToList()),
                })
                .ToList(),
            Conditions = good.GroupBy(r => (r.Layers, r.Blockage, r.Derate, r.Density)).OrderBy(g => g.Key)
                .Select(g => Group(g.First().Condition + Invariant($" d{g.Key.Density:0.###}"), g.ToList()) with
                {
                    Layers = g.Key.Layers, Blockage = g.Key.Blockage, Density = g.Key.Density,
                })
                .ToList(),
            Designs = good.GroupBy(r => (r.Design, r.Layers, r.Blockage, r.Derate)).OrderBy(g => g.Key.Design, StringComparer.Ordinal).ThenBy(g => g.Key.Layers).ThenBy(g => g.Key.Blockage).ThenBy(g => g.Key.Derate)
                .Select(g => Group(g.Key.Design + " " + g.First().Condition, g.ToList()) with
                {
                    Design = g.Key.Design, Layers = g.Key.Layers, Blockage = g.Key.Blockage,
                })
                .ToList(),
        };
    }

    /// <summary>The hotspot fraction of a good sample: hot tiles over all tiles of its grid.</summary>
    public static double HotspotFraction(SampleRecord record) =>
        (double)record.Labels!.HotTiles / ((double)record.GridSize * record.GridSize);

    /// <summary>The median over designs of (max - min) of the design's first-pass ratios.</summary>
    private static double WithinDesignRange(IReadOnlyList<SampleRecord> samples)
    {
        var ranges = samples.GroupBy(r => r.Design, StringComparer.Ordinal)
            .Select(g => g.Max(r => r.Labels!.FirstPassRatio) - g.Min(r => r.Labels!.FirstPassRatio)).Order().ToList();
        return ranges.Count % 2 == 1 ? ranges[ranges.Count / 2] : (ranges[ranges.Count / 2 - 1] + ranges[ranges.Count / 2]) / 2;
    }

    private static LabelGroup Group(string name, IReadOnlyList<SampleRecord> samples)
    {
        var hot = samples.Select(HotspotFraction).ToList();
        var final = samples.Select(r => (double)r.Labels!.FinalFailed).ToList();
        return new LabelGroup
        {
            Name = name,
            Samples = samples.Count,
            Designs = samples.Select(r => r.Design).Distinct(StringComparer.Ordinal).Count(),
            FirstPassRatio = LabelDistribution.Of(samples.Select(r => r.Labels!.FirstPassRatio).ToList(), 0, 1, Bins),
            FinalFailed = LabelDistribution.Of(final, 0, Math.Max(Bins, final.DefaultIfEmpty(0).Max() + 1), Bins),
            HotspotFraction = LabelDistribution.Of(hot, 0, 1, Bins),
            MostlyHot = hot.Count(h => h > 0.5),
            NoneHot = hot.Count(h => h == 0),
        };
    }

    /// <summary>The report as text: a summary line, then per condition the quantiles and a histogram bar per label, then a per-design table.</summary>
    public string ToText()
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"{Dataset}: {Samples} samples, {FailedSamples} failed, {All.Samples} labelled over {All.Designs} designs; hotspot label versions: {string.Join(", ", HotspotVersions.Select(v => $"v{v.Key} x{v.Value}"))}"));
        text.AppendLine("Quantiles are min p10 p50 p90 max; histograms have 10 equal bins (ratio and fraction over 0..1, final failed nets over 0..the column's high end), one character per bin: its share of the samples in tenths (0 = under 10 %, + = all of them, . = none).");
        text.AppendLine();
        text.AppendLine(Invariant($"{"condition",-18} {"n",4} | {"first-pass ratio: quantiles",-32} {"hist",-10} | {"final failed",-22} {"hist",-10} | {"hotspot fraction",-32} {"hist",-10} {">50%",4} {"0",3}"));
        foreach (var g in Conditions.Prepend(All))
            text.AppendLine(Row(g));
        text.AppendLine();
        text.AppendLine("per routing condition, all designs and densities pooled (within design: the median over designs of one design's first-pass ratio range):");
        text.AppendLine(Invariant($"{"condition",-18} {"n",4} | {"first-pass ratio: quantiles",-32} {"hist",-10} | {"final failed",-22} {"hist",-10} | {"hotspot fraction",-32} {"hist",-10} {">50%",4} {"0",3} | within design"));
        foreach (var g in Routing)
            text.AppendLine(Row(g) + Invariant($" | {g.WithinDesignRatioRange:0.000}"));
        text.AppendLine();
        text.AppendLine("per design (medians over densities and seeds):");
        text.AppendLine(Invariant($"{"design",-28} {"n",4} {"ratio p50",10} {"ratio range",16} {"final p50",10} {"hot p50",8} {"hot range",14}"));
        foreach (var g in Designs)
        {
            text.AppendLine(Invariant(
                $"{g.Name,-28} {g.Samples,4} {g.FirstPassRatio.Median,10:0.000} {$"{g.FirstPassRatio.Min:0.000}-{g.FirstPassRatio.Max:0.000}",16} {g.FinalFailed.Median,10:0.#} {g.HotspotFraction.Median,8:0.000} {$"{g.HotspotFraction.Min:0.00}-{g.HotspotFraction.Max:0.00}",14}"));
        }

        return text.ToString();
    }

    private static string Row(LabelGroup g) => Invariant(
        $"{g.Name,-18} {g.Samples,4} | {Quantiles(g.FirstPassRatio, "0.000"),-32} {Bars(g.FirstPassRatio),-10} | {Quantiles(g.FinalFailed, "0"),-22} {Bars(g.FinalFailed),-10} | {Quantiles(g.HotspotFraction, "0.000"),-32} {Bars(g.HotspotFraction),-10} {g.MostlyHot,4} {g.NoneHot,3}");

    private static string Quantiles(LabelDistribution d, string format) =>
        d.Count == 0 ? "-" : string.Join(' ', new[] { d.Min, d.P10, d.Median, d.P90, d.Max }.Select(v => v.ToString(format, CultureInfo.InvariantCulture)));

    /// <summary>One character per bin: the share of the group's samples in it in tenths (a bin holding 35 % shows 3), '.' for an empty bin.</summary>
    public static string Bars(LabelDistribution d)
    {
        if (d.Count == 0)
            return "";
        return string.Concat(d.Histogram.Select(n => n == 0 ? '.' : n * 10 >= d.Count * 10 ? '+' : (char)('0' + Math.Min(9, n * 10 / d.Count))));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
