using NasPlatform.Eda.Geometry;

namespace NasPlatform.Eda.Features;

/// <summary>
/// A Size x Size grid of equal tiles over the die box. Maps are row-major float arrays: index
/// row * Size + column, row 0 at the lowest y, column 0 at the lowest x (the DEF's axes, not an image's).
/// </summary>
public sealed class TileGrid
{
    public TileGrid(Rect die, int size)
    {
        if (size < 1)
            throw new ArgumentOutOfRangeException(nameof(size), size, "A tile grid needs at least one tile per side.");
        if (die.Width <= 0 || die.Height <= 0)
            throw new ArgumentException($"The die box {die} is empty.", nameof(die));
        Die = die;
        Size = size;
        TileWidth = die.Width / size;
        TileHeight = die.Height / size;
    }

    public Rect Die { get; }

    public int Size { get; }

    public double TileWidth { get; }

    public double TileHeight { get; }

    public double TileArea => TileWidth * TileHeight;

    public int Column(double x) => Math.Clamp((int)Math.Floor((x - Die.X0) / TileWidth), 0, Size - 1);

    public int Row(double y) => Math.Clamp((int)Math.Floor((y - Die.Y0) / TileHeight), 0, Size - 1);

    public int Index(double x, double y) => Row(y) * Size + Column(x);

    public Rect Tile(int row, int column) =>
        new(Die.X0 + column * TileWidth, Die.Y0 + row * TileHeight, Die.X0 + (column + 1) * TileWidth, Die.Y0 + (row + 1) * TileHeight);

    /// <summary>Adds value x (overlap area / tile area) to every tile the rectangle overlaps.</summary>
    public void Spread(float[] map, Rect rect, double value)
    {
        int c0 = Column(rect.X0), c1 = Column(rect.X1), r0 = Row(rect.Y0), r1 = Row(rect.Y1);
        for (var r = r0; r <= r1; r++)
        {
            for (var c = c0; c <= c1; c++)
            {
                var overlap = Tile(r, c).OverlapArea(rect);
                if (overlap > 0)
                    map[r * Size + c] += (float)(value * overlap / TileArea);
            }
        }
    }

    /// <summary>Sets 1 in every tile the rectangle touches (boundaries included).</summary>
    public void Mark(float[] map, Rect rect)
    {
        int c0 = Column(rect.X0), c1 = Column(rect.X1), r0 = Row(rect.Y0), r1 = Row(rect.Y1);
        for (var r = r0; r <= r1; r++)
        {
            for (var c = c0; c <= c1; c++)
                map[r * Size + c] = 1;
        }
    }
}
