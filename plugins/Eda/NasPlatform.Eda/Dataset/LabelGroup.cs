using Newtonsoft.Json;

namespace NasPlatform.Eda.Dataset;

/// <summary>
/// The label distributions of one group of good samples (a routing condition, or a design under one): the
/// first-pass failed-net ratio, the final failed-net count, the hotspot fraction (hot tiles / all tiles), and
/// how many samples mark most of their tiles hot (a hotspot map that is mostly ones ranks nothing).
/// </summary>
public sealed record LabelGroup
{
    /// <summary>"all", or the group's knobs, e.g. "L3 b0.2 d0.7" or "uart L3 b0.2".</summary>
    [JsonProperty("group")] public required string Name { get; init; }

    [JsonProperty("design")] public string? Design { get; init; }

    [JsonProperty("layers")] public int? Layers { get; init; }

    [JsonProperty("blockage")] public double? Blockage { get; init; }

    /// <summary>Share of metal3's tracks removed (<see cref="SampleRecord.Derate"/>); null when the group is not one condition or has none.</summary>
    [JsonProperty("derate", NullValueHandling = NullValueHandling.Ignore)] public double? Derate { get; init; }

    [JsonProperty("density")] public double? Density { get; init; }

    [JsonProperty("samples")] public int Samples { get; init; }

    [JsonProperty("designs")] public int Designs { get; init; }

    [JsonProperty("firstPassRatio")] public required LabelDistribution FirstPassRatio { get; init; }

    [JsonProperty("finalFailed")] public required LabelDistribution FinalFailed { get; init; }

    [JsonProperty("hotspotFraction")] public required LabelDistribution HotspotFraction { get; init; }

    /// <summary>Samples whose hotspot map marks more than half of the tiles.</summary>
    [JsonProperty("mostlyHot")] public int MostlyHot { get; init; }

    /// <summary>
    /// Routing conditions only: the median over designs of one design's first-pass ratio range (max - min over its
    /// densities and seeds), the spread a ranking within the condition must find beyond telling designs apart.
    /// </summary>
    [JsonProperty("withinDesignRatioRange", NullValueHandling = NullValueHandling.Ignore)] public double? WithinDesignRatioRange { get; init; }

    /// <summary>Samples whose hotspot map marks no tile.</summary>
    [JsonProperty("noneHot")] public int NoneHot { get; init; }
}
