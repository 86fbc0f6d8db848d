using NasPlatform.Eda.Geometry;

namespace NasPlatform.Eda.Features;

/// <summary>A signal net with the die positions (microns) of its terminals.</summary>
public sealed record PlacedNet(string Name, IReadOnlyList<(double X, double Y)> Pins)
{
    public Rect BoundingBox => Rect.Of(Pins.Min(p => p.X), Pins.Min(p => p.Y), Pins.Max(p => p.X), Pins.Max(p => p.Y));

    /// <summary>Half-perimeter wire length in microns.</summary>
    public double Hpwl => BoundingBox.Width + BoundingBox.Height;
}
