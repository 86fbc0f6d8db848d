namespace NasPlatform.Eda.Features;

/// <summary>The feature maps, in the order they are stored and fed to a model.</summary>
public static class FeatureChannels
{
    /// <summary>Area of non-filler cells over tile area.</summary>
    public const string CellDensity = "cell_density";

    /// <summary>RUDY: every net spreads (w+h)/(w*h) uniformly over its bounding box (1/micron).</summary>
    public const string Rudy = "rudy";

    /// <summary>Pin RUDY: every terminal adds its net's (w+h)/(w*h) to the tile it sits in.</summary>
    public const string PinRudy = "pin_rudy";

    /// <summary>RUDY of long nets only (half-perimeter above <see cref="FeatureOptions.LongNetTiles"/> tile half-perimeters).</summary>
    public const string LongRudy = "rudy_long";

    /// <summary>RUDY of the other (short) nets.</summary>
    public const string ShortRudy = "rudy_short";

    /// <summary>Terminals per square micron.</summary>
    public const string PinDensity = "pin_density";

    /// <summary>Blocked fraction of the tile's routing resource: hard macros (all layers) and routing obstructions (their layer out of the layers used).</summary>
    public const string MacroBlockage = "macro_blockage";

    /// <summary>qrouter's placement-only estimate ('congested'): the highest value of an instance centred in the tile.</summary>
    public const string Congestion = "congestion";

    /// <summary>The number of routing layers the router may use, the same in every tile.</summary>
    public const string RoutingLayers = "routing_layers";

    public static IReadOnlyList<string> All { get; } =
        [CellDensity, Rudy, PinRudy, LongRudy, ShortRudy, PinDensity, MacroBlockage, Congestion, RoutingLayers];
}
