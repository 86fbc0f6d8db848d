using NasPlatform.Eda.Geometry;

namespace NasPlatform.Eda.Lef;

/// <summary>A macro pin: its direction, use (SIGNAL, POWER, GROUND, CLOCK...) and port shapes.</summary>
public sealed record LefPin(string Name, string? Direction, string? Use, IReadOnlyList<LefShape> Shapes)
{
    public bool IsSupply => Use is not null
        && (Use.Equals("POWER", StringComparison.OrdinalIgnoreCase) || Use.Equals("GROUND", StringComparison.OrdinalIgnoreCase));

    /// <summary>The centre of the pin's shapes' bounding box (the macro origin when it has none).</summary>
    public (double X, double Y) Center
    {
        get
        {
            if (Shapes.Count == 0)
                return (0, 0);
            var box = Shapes.Select(s => s.Rect).Aggregate((a, b) => Rect.Of(Math.Min(a.X0, b.X0), Math.Min(a.Y0, b.Y0), Math.Max(a.X1, b.X1), Math.Max(a.Y1, b.Y1)));
            return (box.CenterX, box.CenterY);
        }
    }
}
