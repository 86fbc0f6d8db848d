using Newtonsoft.Json;

namespace NasPlatform.Eda.Dataset;

/// <summary>
/// A sample's labels: nets to route, first-pass failures (and their ratio), final failures, hot tiles. What
/// "hot" means is <see cref="HotspotVersion"/>: records written before the field existed read as version 1.
/// </summary>
public sealed record SampleLabels(
    [property: JsonProperty("nets")] int Nets,
    [property: JsonProperty("firstPassFailed")] int FirstPassFailed,
    [property: JsonProperty("firstPassRatio")] double FirstPassRatio,
    [property: JsonProperty("finalFailed")] int FinalFailed,
    [property: JsonProperty("hotTiles")] int HotTiles)
{
    /// <summary>The hotspot label the builder writes now (see <see cref="Features.HotspotLabeler"/>).</summary>
    public const int CurrentHotspotVersion = 2;

    /// <summary>
    /// What <see cref="HotTiles"/> and the sample's hotspot map mean: 1, a tile holding a pin of a first-pass-failed
    /// net or inside such a net's box of at most 3 tiles a side; 2, a tile whose first-pass-failed wire demand
    /// reaches <see cref="Features.HotspotLabeler.DemandThreshold"/> of its routing capacity.
    /// </summary>
    [JsonProperty("hotspotVersion")] public int HotspotVersion { get; init; } = 1;

    /// <summary>Version 2: the share of a tile's routing capacity that made it hot (<see cref="Features.HotspotLabeler.DemandThreshold"/> when labelled).</summary>
    [JsonProperty("hotspotThreshold", NullValueHandling = NullValueHandling.Ignore)] public double? HotspotThreshold { get; init; }

    /// <summary>Labelled under the hotspot definition the builder uses now (version and threshold); others are rebuilt on resume or relabelled.</summary>
    [JsonIgnore]
    public bool HasCurrentHotspot => HotspotVersion == CurrentHotspotVersion && HotspotThreshold == Features.HotspotLabeler.DemandThreshold;

    /// <summary>Version 2 records also count the tiles the version 1 rule would mark, to compare the two on one dataset.</summary>
    [JsonProperty("pinHotTiles", NullValueHandling = NullValueHandling.Ignore)] public int? PinHotTiles { get; init; }
}
