namespace NasPlatform.Eda.Features;

/// <summary>Named maps over one tile grid (see <see cref="TileGrid"/> for the layout), in physical units.</summary>
public sealed record FeatureMaps(int GridSize, IReadOnlyDictionary<string, float[]> Maps)
{
    public float[] this[string channel] => Maps[channel];
}
