using Newtonsoft.Json;

namespace NasPlatform.Eda.Dataset;

/// <summary>
/// A dataset sweep: every design x density x placement seed is placed once, then routed for every
/// routing-layer count x blockage fraction. Saved as spec.json in the dataset folder.
/// </summary>
public sealed record SweepSpec
{
    [JsonProperty("designs")] public IReadOnlyList<string> Designs { get; init; } = Flow.DesignGenerator.DefaultDesigns;

    [JsonProperty("densities")] public IReadOnlyList<double> Densities { get; init; } = [0.55, 0.7, 0.85];

    [JsonProperty("seeds")] public int Seeds { get; init; } = 2;

    [JsonProperty("layers")] public IReadOnlyList<int> Layers { get; init; } = [2, 3];

    [JsonProperty("blockages")] public IReadOnlyList<double> Blockages { get; init; } = [0.0, 0.2];

    [JsonProperty("technology")] public string Technology { get; init; } = "osu018";

    [JsonProperty("gridSize")] public int GridSize { get; init; } = 32;

    [JsonProperty("placeTimeoutSeconds")] public double PlaceTimeoutSeconds { get; init; } = 300;

    [JsonProperty("routeTimeoutSeconds")] public double RouteTimeoutSeconds { get; init; } = 180;

    [JsonProperty("routeEffort")] public int RouteEffort { get; init; } = 2;

    public int PlacementCount => Designs.Count * Densities.Count * Seeds;

    public int SampleCount => PlacementCount * Layers.Count * Blockages.Count;

    public IReadOnlyList<string> Check()
    {
        var errors = new List<string>();
        if (Designs.Count == 0) errors.Add("designs: name at least one design.");
        foreach (var d in Designs)
        {
            try
            {
                Flow.DesignGenerator.Generate(d);
            }
            catch (ArgumentException e)
            {
                errors.Add("designs: " + e.Message);
            }
        }

        if (Densities.Count == 0 || Densities.Any(d => d is <= 0.05 or > 1.0)) errors.Add("densities: give values in (0.05, 1].");
        if (Seeds < 1) errors.Add("seeds: at least 1.");
        if (Layers.Count == 0 || Layers.Any(l => l is < 1 or > 16)) errors.Add("layers: give routing-layer counts from 1 to the technology's count.");
        if (Blockages.Count == 0 || Blockages.Any(b => b is < 0 or >= 1)) errors.Add("blockages: give die fractions in [0, 1).");
        if (GridSize is < 4 or > 256) errors.Add("gridSize: 4 to 256.");
        return errors;
    }
}
