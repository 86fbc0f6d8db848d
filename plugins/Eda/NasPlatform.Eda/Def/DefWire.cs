namespace NasPlatform.Eda.Def;

/// <summary>A routed wire segment on a layer, end points in microns (a via alone is a zero-length segment with <see cref="Via"/> set).</summary>
public sealed record DefWire(string Layer, double X0, double Y0, double X1, double Y1, string? Via)
{
    public double Length => Math.Abs(X1 - X0) + Math.Abs(Y1 - Y0);
}
