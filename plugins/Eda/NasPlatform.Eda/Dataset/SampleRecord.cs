using Newtonsoft.Json;

namespace NasPlatform.Eda.Dataset;

/// <summary>
/// One labelled placement-and-routing run, saved as samples/KEY.json beside KEY.features.bin
/// (float32, channel-major: channel, row, column) and KEY.hotspot.bin (float32 row, column).
/// A failed tool run is a sample too, with <see cref="Status"/> "failed", the step and the error.
/// </summary>
public sealed record SampleRecord
{
    [JsonProperty("key")] public required string Key { get; init; }

    [JsonProperty("design")] public required string Design { get; init; }

    [JsonProperty("density")] public required double Density { get; init; }

    [JsonProperty("seed")] public required int Seed { get; init; }

    [JsonProperty("layers")] public required int Layers { get; init; }

    [JsonProperty("blockage")] public required double Blockage { get; init; }

    /// <summary>Share of metal3's tracks removed by uniform stripes (<see cref="Flow.Blockages"/>); 0 (left out of the JSON) when none.</summary>
    [JsonProperty("derate", DefaultValueHandling = DefaultValueHandling.Ignore)] public double Derate { get; init; }

    [JsonProperty("status")] public required string Status { get; init; }

    [JsonProperty("failedStep")] public string? FailedStep { get; init; }

    [JsonProperty("error")] public string? Error { get; init; }

    [JsonProperty("labels")] public SampleLabels? Labels { get; init; }

    [JsonProperty("cells")] public int Cells { get; init; }

    [JsonProperty("gridSize")] public int GridSize { get; init; }

    [JsonProperty("channels")] public IReadOnlyList<string> Channels { get; init; } = [];

    [JsonProperty("technology")] public string Technology { get; init; } = "";

    /// <summary>Where the design came from: null or "generated" (a <c>DesignGenerator</c> name), "verilog:PATH" or "def:PATH" (an imported placement).</summary>
    [JsonProperty("source")] public string? Source { get; init; }

    /// <summary>SHA-256 of the source content (the Verilog file, the generated RTL, or the DEF and its LEFs): resume is keyed by it, not by the name.</summary>
    [JsonProperty("sourceHash")] public string? SourceHash { get; init; }

    [JsonProperty("placeTimeoutSeconds")] public double PlaceTimeoutSeconds { get; init; }

    [JsonProperty("routeTimeoutSeconds")] public double RouteTimeoutSeconds { get; init; }

    /// <summary>Whether the place/route limits above were scaled to the design's cells (<see cref="Flow.ToolTimeouts"/>); null in records made before.</summary>
    [JsonProperty("timeoutsScaled", NullValueHandling = NullValueHandling.Ignore)] public string? TimeoutsScaled { get; init; }

    [JsonProperty("routeEffort")] public int? RouteEffort { get; init; }

    [JsonProperty("placedDef")] public string? PlacedDef { get; init; }

    [JsonProperty("tools")] public IReadOnlyList<ToolProvenance> Tools { get; init; } = [];

    [JsonProperty("createdAt")] public DateTimeOffset CreatedAt { get; init; }

    [JsonIgnore] public bool Succeeded => Status == "ok";

    /// <summary>The routing condition (what the router had besides the placement): "L3 b0.1", "L3 b0 r0.34".</summary>
    [JsonIgnore]
    public string Condition => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"L{Layers} b{Blockage:0.###}") + (Derate > 0 ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $" r{Derate:0.###}") : "");
}
