using Newtonsoft.Json;

namespace NasPlatform.Eda.Dataset;

/// <summary>A sample's labels: nets to route, first-pass failures (and their ratio), final failures, hot tiles.</summary>
public sealed record SampleLabels(
    [property: JsonProperty("nets")] int Nets,
    [property: JsonProperty("firstPassFailed")] int FirstPassFailed,
    [property: JsonProperty("firstPassRatio")] double FirstPassRatio,
    [property: JsonProperty("finalFailed")] int FinalFailed,
    [property: JsonProperty("hotTiles")] int HotTiles);
