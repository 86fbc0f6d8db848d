namespace NasPlatform.Eda.Features;

/// <summary>
/// Computes the <see cref="FeatureChannels"/> of a placement on a tile grid. Maps are in physical units
/// here; scaling each map to a common range is the model's job, with constants taken from its training
/// data, so that a denser placement still reads as denser than another.
/// </summary>
public static class FeatureExtractor
{
    public static FeatureMaps Extract(
        Placement placement,
        FeatureOptions options,
        int routingLayers,
        IReadOnlyList<RoutingObstruction> obstructions,
        IReadOnlyDictionary<string, double>? congestion)
    {
        ArgumentNullException.ThrowIfNull(placement);
        var grid = new TileGrid(placement.Die, options.GridSize);
        var cells = grid.Size * grid.Size;
        var maps = FeatureChannels.All.ToDictionary(c => c, _ => new float[cells], StringComparer.Ordinal);

        foreach (var cell in placement.Cells)
        {
            if (cell.IsBlock)
                grid.Spread(maps[FeatureChannels.MacroBlockage], cell.Box, 1.0);
            else if (!cell.IsFiller)
                grid.Spread(maps[FeatureChannels.CellDensity], cell.Box, 1.0);
        }

        var longThreshold = options.LongNetTiles * (grid.TileWidth + grid.TileHeight);
        foreach (var net in placement.Nets)
        {
            var box = net.BoundingBox;
            var w = Math.Max(box.Width, options.MinimumExtent);
            var h = Math.Max(box.Height, options.MinimumExtent);
            var spread = new Geometry.Rect(box.CenterX - w / 2, box.CenterY - h / 2, box.CenterX + w / 2, box.CenterY + h / 2);
            var density = (w + h) / (w * h);
            grid.Spread(maps[FeatureChannels.Rudy], spread, density);
            grid.Spread(maps[box.Width + box.Height > longThreshold ? FeatureChannels.LongRudy : FeatureChannels.ShortRudy], spread, density);
            foreach (var (x, y) in net.Pins)
            {
                var tile = grid.Index(x, y);
                maps[FeatureChannels.PinRudy][tile] += (float)density;
                maps[FeatureChannels.PinDensity][tile] += (float)(1.0 / grid.TileArea);
            }
        }

        var blockage = maps[FeatureChannels.MacroBlockage];
        foreach (var obstruction in obstructions)
        {
            if (obstruction.Layer >= 1 && obstruction.Layer <= routingLayers)
                grid.Spread(blockage, obstruction.Rect, 1.0 / routingLayers);
        }

        for (var i = 0; i < blockage.Length; i++)
            blockage[i] = Math.Min(blockage[i], 1f);

        if (congestion is not null)
        {
            var map = maps[FeatureChannels.Congestion];
            foreach (var cell in placement.Cells)
            {
                if (congestion.TryGetValue(cell.Name, out var value))
                {
                    var tile = grid.Index(cell.Box.CenterX, cell.Box.CenterY);
                    map[tile] = Math.Max(map[tile], (float)value);
                }
            }
        }

        Array.Fill(maps[FeatureChannels.RoutingLayers], routingLayers);
        return new FeatureMaps(grid.Size, maps);
    }
}
