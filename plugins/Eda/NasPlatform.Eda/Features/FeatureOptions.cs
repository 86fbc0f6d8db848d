namespace NasPlatform.Eda.Features;

/// <summary>How feature maps are computed.</summary>
public sealed record FeatureOptions
{
    /// <summary>Tiles per side of the grid laid over the die.</summary>
    public int GridSize { get; init; } = 32;

    /// <summary>A net bounding box narrower than this (microns) counts as this wide, so RUDY of straight nets stays finite.</summary>
    public double MinimumExtent { get; init; } = 1.0;

    /// <summary>A net is long when its half-perimeter exceeds this many tile half-perimeters.</summary>
    public double LongNetTiles { get; init; } = 4.0;
}
