namespace NasPlatform.Eda.Features;

/// <summary>
/// The hotspot label: a tile is hot when a pin of a net that failed first-pass routing sits in it, or
/// when it lies in the bounding box of such a net spanning at most <see cref="LocalSpan"/> tiles a side
/// (a long net's box says little about where it failed, so long nets mark only their pins' tiles).
/// </summary>
public static class HotspotLabeler
{
    public const int LocalSpan = 3;

    public static float[] Label(Placement placement, int gridSize, IEnumerable<string> failedNets)
    {
        var grid = new TileGrid(placement.Die, gridSize);
        var map = new float[gridSize * gridSize];
        var failed = failedNets.ToHashSet(StringComparer.Ordinal);
        foreach (var net in placement.Nets)
        {
            if (!failed.Contains(net.Name))
                continue;
            foreach (var (x, y) in net.Pins)
                map[grid.Index(x, y)] = 1;
            var box = net.BoundingBox;
            if (grid.Column(box.X1) - grid.Column(box.X0) < LocalSpan && grid.Row(box.Y1) - grid.Row(box.Y0) < LocalSpan)
                grid.Mark(map, box);
        }

        return map;
    }
}
