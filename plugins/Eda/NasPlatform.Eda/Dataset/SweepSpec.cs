using Newtonsoft.Json;

namespace NasPlatform.Eda.Dataset;

/// <summary>
/// A dataset sweep: every design x density x placement seed is placed once, then routed for every
/// routing-layer count x blockage fraction. The user's Verilog designs (<see cref="Verilog"/>) are placed the
/// same way; already placed DEFs (<see cref="PlacedDefs"/>, with <see cref="Lefs"/>) skip placement and are
/// routed for every layers x blockage. Saved as spec.json in the dataset folder.
/// </summary>
public sealed record SweepSpec
{
    [JsonProperty("designs")] public IReadOnlyList<string> Designs { get; init; } = Flow.DesignGenerator.DefaultDesigns;

    /// <summary>The user's Verilog designs, synthesized and placed by qflow like <see cref="Designs"/>.</summary>
    [JsonProperty("verilog")] public IReadOnlyList<VerilogDesign> Verilog { get; init; } = [];

    /// <summary>Already placed DEF files (absolute paths), routed as they are under every layers x blockage.</summary>
    [JsonProperty("placedDefs")] public IReadOnlyList<string> PlacedDefs { get; init; } = [];

    /// <summary>The LEF files (technology and cells) of <see cref="PlacedDefs"/>; qrouter and the feature maps read them.</summary>
    [JsonProperty("lefs")] public IReadOnlyList<string> Lefs { get; init; } = [];

    [JsonProperty("densities")] public IReadOnlyList<double> Densities { get; init; } = [0.55, 0.7, 0.85];

    [JsonProperty("seeds")] public int Seeds { get; init; } = 2;

    // Measured (plugins/Eda/README.md, "Label distributions"): with 2 layers a third to two thirds of the nets fail
    // first-pass routing and the hotspot map covers most of the die; a blockage of 0.3 makes the nets under it
    // fail whatever the layers. 3 and 4 layers with blockages 0 and 0.1 spread each condition's samples.
    [JsonProperty("layers")] public IReadOnlyList<int> Layers { get; init; } = [3, 4];

    [JsonProperty("blockages")] public IReadOnlyList<double> Blockages { get; init; } = [0.0, 0.1];

    /// <summary>
    /// Shares of metal3's tracks removed by uniform stripes (<see cref="Flow.Blockages"/>), each a routing condition
    /// beside layers x blockages. Measured (plugins/Eda/README.md): 0.34 at 3 layers puts the first-pass ratio of
    /// one design at 0.13-0.34 across densities, where 3 free layers give 0.01-0.07 and a 0.1 rectangle mostly
    /// counts the pins under it.
    /// </summary>
    [JsonProperty("derates")] public IReadOnlyList<double> Derates { get; init; } = [0.0];

    [JsonProperty("technology")] public string Technology { get; init; } = "osu018";

    [JsonProperty("gridSize")] public int GridSize { get; init; } = 32;

    [JsonProperty("placeTimeoutSeconds")] public double PlaceTimeoutSeconds { get; init; } = 300;

    [JsonProperty("routeTimeoutSeconds")] public double RouteTimeoutSeconds { get; init; } = 180;

    [JsonProperty("routeEffort")] public int RouteEffort { get; init; } = 2;

    /// <summary>Scale the place limit to the design's cells (<see cref="Flow.ToolTimeouts"/>); off when the user gave --place-timeout.</summary>
    [JsonProperty("scalePlaceTimeout")] public bool ScalePlaceTimeout { get; init; } = true;

    /// <summary>Scale the route limit to the design's cells (<see cref="Flow.ToolTimeouts"/>); off when the user gave --route-timeout.</summary>
    [JsonProperty("scaleRouteTimeout")] public bool ScaleRouteTimeout { get; init; } = true;

    /// <summary>Which limits are scaled, as records store it ("place,route", "place", "route" or "none"): a failed sample is retried when it changes.</summary>
    [JsonIgnore]
    public string TimeoutsScaled => (ScalePlaceTimeout, ScaleRouteTimeout) switch
    {
        (true, true) => "place,route",
        (true, false) => "place",
        (false, true) => "route",
        _ => "none",
    };

    /// <summary>
    /// Reads a spec.json. Lists replace the defaults instead of being appended to them (Json.NET's default would turn a
    /// stored --densities 0.6,0.8 into 0.55,0.7,0.85,0.6,0.8).
    /// </summary>
    /// <exception cref="JsonException">The file is not a sweep.</exception>
    public static SweepSpec Read(string path) =>
        JsonConvert.DeserializeObject<SweepSpec>(File.ReadAllText(path), new JsonSerializerSettings { ObjectCreationHandling = ObjectCreationHandling.Replace })
        ?? throw new JsonSerializationException($"{path} is empty.");

    // Left out of spec.json when empty, so a dataset built before these options resumes with the same spec.
    public bool ShouldSerializeVerilog() => Verilog.Count > 0;

    public bool ShouldSerializePlacedDefs() => PlacedDefs.Count > 0;

    public bool ShouldSerializeLefs() => Lefs.Count > 0;

    public bool ShouldSerializeDerates() => Derates.Count != 1 || Derates[0] != 0;

    public int PlacementCount => (Designs.Count + Verilog.Count) * Densities.Count * Seeds + PlacedDefs.Count;

    public int SampleCount => PlacementCount * Layers.Count * Blockages.Count * Derates.Count;

    public IReadOnlyList<string> Check()
    {
        var errors = new List<string>();
        if (Designs.Count + Verilog.Count + PlacedDefs.Count == 0) errors.Add("designs: name at least one design (or give --verilog or --def).");
        errors.AddRange(SweepInputs.CheckVerilog(Verilog));
        foreach (var clash in Verilog.Where(v => Designs.Contains(v.Top, StringComparer.Ordinal)))
            errors.Add($"{clash.Path}: top module '{clash.Top}' has the name of a generated design in --designs; rename the module or drop it from --designs.");
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
        if (Derates.Count == 0 || Derates.Any(d => d is < 0 or >= 1)) errors.Add("derates: give shares of metal3's tracks in [0, 1).");
        if (GridSize is < 4 or > 256) errors.Add("gridSize: 4 to 256.");
        return errors;
    }
}
