using Newtonsoft.Json.Linq;
using NasPlatform.Plugins.Eda.Training;

namespace NasPlatform.Plugins.Eda.Views;

/// <summary>
/// The trial artifact "hotspots" (hotspots.json): a few held-out test placements, each with a feature map,
/// the true hotspot labels and the predicted hotspot probabilities as [G][G] row arrays (row 0 at the lowest
/// y), and the true and predicted first-pass failed-net ratio. Written by the routability evaluator, read by
/// <see cref="EdaTrialViews"/>.
/// </summary>
public static class HotspotsFile
{
    public const string ArtifactName = "hotspots";

    public const string FileName = "hotspots.json";

    public static void Write(string path, int grid, string channel, IReadOnlyList<HotspotExample> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var placements = new JArray();
        foreach (var e in examples)
        {
            placements.Add(new JObject
            {
                ["key"] = e.Key,
                ["design"] = e.Design,
                ["conditions"] = e.Conditions,
                ["trueRatio"] = e.TrueRatio,
                ["predictedRatio"] = Math.Round(e.PredictedRatio, 5),
                ["feature"] = Rows(e.Feature, grid, 4),
                ["label"] = Rows(e.Label, grid, 0),
                ["predicted"] = Rows(e.Predicted, grid, 4),
            });
        }

        File.WriteAllText(path, new JObject
        {
            ["split"] = "test",
            ["grid"] = grid,
            ["channel"] = channel,
            ["channelScale"] = "divided by the channel's 99th percentile over the training designs, clipped at 4",
            ["rows"] = "row 0 is the lowest y of the die, column 0 the lowest x",
            ["placements"] = placements,
        }.ToString());
    }

    /// <summary>The file's placements, or the reason it cannot be read (a message naming the file and the place).</summary>
    public static (Hotspots? Hotspots, string? Problem) TryRead(string path)
    {
        JObject root;
        try
        {
            root = JObject.Parse(File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Newtonsoft.Json.JsonException)
        {
            return (null, $"{path}: {e.Message}");
        }

        var grid = root.Value<int?>("grid") ?? 0;
        if (grid < 1)
            return (null, $"{path}: 'grid' must be a positive tile count.");
        var examples = new List<HotspotExample>();
        var index = 0;
        foreach (var p in root["placements"] as JArray ?? [])
        {
            var where = $"{path}, placements[{index++}]";
            var maps = new float[3][];
            var names = new[] { "feature", "label", "predicted" };
            for (var m = 0; m < 3; m++)
            {
                var rows = p[names[m]] as JArray;
                if (rows is null || rows.Count != grid || rows.Any(r => r is not JArray row || row.Count != grid))
                    return (null, $"{where}.{names[m]}: expected {grid} rows of {grid} numbers.");
                maps[m] = rows.SelectMany(r => r.Values<float>()).ToArray();
            }

            examples.Add(new HotspotExample(
                p.Value<string>("key") ?? "", p.Value<string>("design") ?? "", p.Value<string>("conditions") ?? "",
                p.Value<double?>("trueRatio") ?? double.NaN, p.Value<double?>("predictedRatio") ?? double.NaN, maps[0], maps[1], maps[2]));
        }

        return (new Hotspots(grid, root.Value<string>("channel") ?? "feature", examples), null);
    }

    private static JArray Rows(float[] map, int grid, int digits)
    {
        if (map.Length != grid * grid)
            throw new ArgumentException($"A map of {map.Length} tiles does not fit a {grid}x{grid} grid.", nameof(map));
        var rows = new JArray();
        for (var r = 0; r < grid; r++)
            rows.Add(new JArray(map.AsSpan(r * grid, grid).ToArray().Select(v => Math.Round((double)v, digits))));
        return rows;
    }
}
