using Newtonsoft.Json;

namespace NasPlatform.Plugins.Eda.Export;

/// <summary>
/// How a trained routability network's input was scaled: each feature channel (<see cref="Channels"/>, the dataset's
/// order) divided by its 99th percentile over the training split (<see cref="Scales"/>), then clipped at
/// <see cref="Clip"/>. Saved beside the weights of a trial (scaling.json) and placed at the start of an exported
/// graph, so an application feeds the feature maps as `nas eda` extracts them.
/// </summary>
public sealed record FeatureScaling(
    [property: JsonProperty("channels")] IReadOnlyList<string> Channels,
    [property: JsonProperty("scales")] IReadOnlyList<float> Scales,
    [property: JsonProperty("clip")] float Clip,
    [property: JsonProperty("grid")] int Grid)
{
    /// <summary>The file name of a trial's scaling artifact.</summary>
    public const string FileName = "scaling.json";

    public void Write(string path) => File.WriteAllText(path, JsonConvert.SerializeObject(this, Formatting.Indented));

    /// <summary>Reads a scaling.json; a file that is not one says so, naming it.</summary>
    public static FeatureScaling Read(string path)
    {
        try
        {
            var scaling = JsonConvert.DeserializeObject<FeatureScaling>(File.ReadAllText(path));
            return scaling is { Channels: not null, Scales: not null } && scaling.Channels.Count == scaling.Scales.Count && scaling.Grid > 0
                ? scaling
                : throw new InvalidDataException($"{path}: not a feature scaling (channels, scales of the same length, grid); use the scaling.json a routability trial wrote.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not valid JSON ({e.Message}).", e);
        }
    }
}
