namespace NasPlatform.Eda.Lef;

/// <summary>A LEF technology layer. Direction and pitch are set for routing layers (pitch in microns).</summary>
public sealed record LefLayer(string Name, string Type, string? Direction, double? Pitch)
{
    public bool IsRouting => string.Equals(Type, "ROUTING", StringComparison.OrdinalIgnoreCase);
}
