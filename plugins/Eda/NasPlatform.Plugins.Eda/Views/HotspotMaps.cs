using System.Globalization;
using System.Net;
using System.Text;
using NasPlatform.Plugins.Eda.Training;

namespace NasPlatform.Plugins.Eda.Views;

/// <summary>
/// One placement's maps side by side as an SVG drawn by hand (the plugin stays free of a plotting
/// library): a feature map, the true hotspot tiles and the predicted hotspot probability, each a panel
/// of G x G tiles with row 0 at the bottom like the die, under a one-line heading with its scale.
/// </summary>
public static class HotspotMaps
{
    private const int PanelSide = 200;
    private const int Gap = 24;
    private const int Top = 34;
    private const int Bottom = 10;

    public static string Svg(HotspotExample example, int grid, string channel)
    {
        ArgumentNullException.ThrowIfNull(example);
        var featureMax = Math.Max(1e-6, example.Feature.DefaultIfEmpty(0).Max());
        var panels = new (string Heading, float[] Map, double Max, string Color)[]
        {
            (I($"{channel} (0 to {featureMax:G3})"), example.Feature, featureMax, "#1f4e9c"),
            (I($"true hotspots ({example.Label.Count(v => v > 0.5f)} tiles)"), example.Label, 1, "#c0392b"),
            ("predicted probability (0 to 1)", example.Predicted, 1, "#c0392b"),
        };
        var tile = (double)PanelSide / grid;
        var width = panels.Length * PanelSide + (panels.Length + 1) * Gap;
        var height = Top + PanelSide + Bottom;
        var svg = new StringBuilder();
        svg.Append(I($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"11\">"))
            .Append(I($"<rect width=\"{width}\" height=\"{height}\" fill=\"white\"/>"));
        for (var p = 0; p < panels.Length; p++)
        {
            var (heading, map, max, color) = panels[p];
            var x0 = Gap + p * (PanelSide + Gap);
            svg.Append(I($"<g class=\"panel\"><text x=\"{x0 + PanelSide / 2}\" y=\"{Top - 10}\" text-anchor=\"middle\">{WebUtility.HtmlEncode(heading)}</text>"));
            for (var row = 0; row < grid; row++)
            {
                for (var column = 0; column < grid; column++)
                {
                    var value = map[row * grid + column];
                    var level = Math.Clamp(value / max, 0, 1);
                    if (!(level > 0.004))
                        continue; // the panel's white background is level 0
                    var y = Top + (grid - 1 - row) * tile;
                    svg.Append(I($"<rect x=\"{x0 + column * tile:0.##}\" y=\"{y:0.##}\" width=\"{tile + 0.05:0.##}\" height=\"{tile + 0.05:0.##}\" fill=\"{color}\" fill-opacity=\"{level:0.###}\"/>"));
                }
            }

            svg.Append(I($"<rect x=\"{x0}\" y=\"{Top}\" width=\"{PanelSide}\" height=\"{PanelSide}\" fill=\"none\" stroke=\"#333\"/></g>"));
        }

        return svg.Append("</svg>").ToString();
    }

    private static string I(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
