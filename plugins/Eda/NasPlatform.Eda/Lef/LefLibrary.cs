namespace NasPlatform.Eda.Lef;

/// <summary>
/// What one or more LEF files define. Sizes and shapes are in microns (LEF's own unit);
/// <see cref="DatabaseMicrons"/> is the DEF database resolution the LEF declares (UNITS DATABASE MICRONS).
/// </summary>
public sealed class LefLibrary
{
    public double? DatabaseMicrons { get; internal set; }

    public Dictionary<string, LefLayer> Layers { get; } = new(StringComparer.Ordinal);

    /// <summary>Routing layers in file order (metal1 first).</summary>
    public List<LefLayer> RoutingLayers { get; } = [];

    public Dictionary<string, LefMacro> Macros { get; } = new(StringComparer.Ordinal);

    public int RoutingLayerIndex(string layer)
    {
        for (var i = 0; i < RoutingLayers.Count; i++)
        {
            if (string.Equals(RoutingLayers[i].Name, layer, StringComparison.Ordinal))
                return i;
        }

        return -1;
    }
}
