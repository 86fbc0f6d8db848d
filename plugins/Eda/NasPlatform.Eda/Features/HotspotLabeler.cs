using NasPlatform.Eda.Geometry;

namespace NasPlatform.Eda.Features;

/// <summary>
/// The hotspot labels. Version 2 (<see cref="Label"/>, what the dataset builder writes): a tile is hot when the wire
/// demand of the nets that failed first-pass routing (each spreads (w+h)/(w*h) over its bounding box, as RUDY)
/// reaches <see cref="DemandThreshold"/> of the tile's routing capacity (the tracks per micron of the layers the
/// run uses). Version 1 (<see cref="PinsAndLocalBoxes"/>): a tile holding a pin of such a net, or inside the box
/// of such a net spanning at most <see cref="LocalSpan"/> tiles a side. Version 1 saturates: when a third of the
/// nets fail, their pins reach almost every tile; demand against capacity marks where failed wiring piles up.
/// </summary>
public static class HotspotLabeler
{
    public const int LocalSpan = 3;

    /// <summary>Share of a tile's track capacity that first-pass-failed wiring must need for the tile to be hot (chosen from measured datasets, plugins/Eda/README.md).</summary>
    public const double DemandThreshold = 0.05;

    /// <summary>Boxes narrower than this (microns) are widened, as for the RUDY features.</summary>
    public const double MinimumExtent = 1.0;

    /// <summary>Version 2: failed-net wire demand over routing capacity, thresholded at <see cref="DemandThreshold"/>.</summary>
    public static float[] Label(Placement placement, int gridSize, IEnumerable<string> failedNets, double tracksPerMicron)
    {
        var demand = FailedDemand(placement, gridSize, failedNets);
        var limit = DemandThreshold * tracksPerMicron;
        return demand.Select(d => d >= limit ? 1f : 0f).ToArray();
    }

    /// <summary>The first-pass-failed nets' wire demand per tile (microns of wire per square micron), RUDY-style.</summary>
    public static float[] FailedDemand(Placement placement, int gridSize, IEnumerable<string> failedNets)
    {
        ArgumentNullException.ThrowIfNull(placement);
        var grid = new TileGrid(placement.Die, gridSize);
        var map = new float[gridSize * gridSize];
        foreach (var net in FailedNetsOf(placement, failedNets))
        {
            var box = net.BoundingBox;
            var w = Math.Max(box.Width, MinimumExtent);
            var h = Math.Max(box.Height, MinimumExtent);
            grid.Spread(map, new Rect(box.CenterX - w / 2, box.CenterY - h / 2, box.CenterX + w / 2, box.CenterY + h / 2), (w + h) / (w * h));
        }

        return map;
    }

    /// <summary>Routing capacity in tracks per micron of the first <paramref name="layers"/> routing layers: the sum of 1 / pitch.</summary>
    public static double TracksPerMicron(IEnumerable<Lef.LefLayer> routingLayers, int layers)
    {
        var used = routingLayers.Take(layers).ToList();
        if (used.Count < layers || used.Any(l => l.Pitch is not > 0))
            throw new ArgumentException($"The LEF gives {used.Count(l => l.Pitch is > 0)} routing layers with a PITCH; the run uses {layers}.", nameof(routingLayers));
        return used.Sum(l => 1.0 / l.Pitch!.Value);
    }

    /// <summary>Version 1: pins of first-pass-failed nets, and the boxes of those spanning at most <see cref="LocalSpan"/> tiles a side.</summary>
    public static float[] PinsAndLocalBoxes(Placement placement, int gridSize, IEnumerable<string> failedNets)
    {
        ArgumentNullException.ThrowIfNull(placement);
        var grid = new TileGrid(placement.Die, gridSize);
        var map = new float[gridSize * gridSize];
        foreach (var net in FailedNetsOf(placement, failedNets))
        {
            foreach (var (x, y) in net.Pins)
                map[grid.Index(x, y)] = 1;
            var box = net.BoundingBox;
            if (grid.Column(box.X1) - grid.Column(box.X0) < LocalSpan && grid.Row(box.Y1) - grid.Row(box.Y0) < LocalSpan)
                grid.Mark(map, box);
        }

        return map;
    }

    /// <summary>The placement's nets that failed first-pass routing, in placement order (both label versions mark these).</summary>
    private static IEnumerable<PlacedNet> FailedNetsOf(Placement placement, IEnumerable<string> failedNets)
    {
        var failed = failedNets.ToHashSet(StringComparer.Ordinal);
        return placement.Nets.Where(n => failed.Contains(n.Name));
    }
}
