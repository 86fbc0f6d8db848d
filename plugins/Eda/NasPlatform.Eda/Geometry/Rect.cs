namespace NasPlatform.Eda.Geometry;

/// <summary>An axis-aligned rectangle in microns (x to the right, y up, the DEF origin).</summary>
public readonly record struct Rect(double X0, double Y0, double X1, double Y1)
{
    public double Width => X1 - X0;

    public double Height => Y1 - Y0;

    public double Area => Width * Height;

    public double CenterX => (X0 + X1) / 2;

    public double CenterY => (Y0 + Y1) / 2;

    /// <summary>The rectangle with its corners sorted, whatever order they were given in.</summary>
    public static Rect Of(double xa, double ya, double xb, double yb) =>
        new(Math.Min(xa, xb), Math.Min(ya, yb), Math.Max(xa, xb), Math.Max(ya, yb));

    public double OverlapArea(Rect other)
    {
        var w = Math.Min(X1, other.X1) - Math.Max(X0, other.X0);
        var h = Math.Min(Y1, other.Y1) - Math.Max(Y0, other.Y0);
        return w > 0 && h > 0 ? w * h : 0;
    }
}
