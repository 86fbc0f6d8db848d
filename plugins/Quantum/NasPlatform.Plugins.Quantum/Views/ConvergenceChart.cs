using System.Globalization;
using System.Text;

namespace NasPlatform.Plugins.Quantum.Views;

/// <summary>
/// The training loss (for VQE the energy) against optimizer steps as a small SVG line chart, with a dashed
/// line at a reference value (the exact ground energy) when one is known. Drawn by hand like
/// <see cref="CircuitDiagram"/>: the plugin stays free of ScottPlot's native renderer, which the host has.
/// </summary>
public static class ConvergenceChart
{
    private const int Width = 520;
    private const int Height = 240;
    private const int Left = 72;
    private const int Right = 16;
    private const int Top = 16;
    private const int Bottom = 36;

    /// <summary>The chart of <paramref name="losses"/> (one per step), or null when there is nothing to draw.</summary>
    public static string? Svg(IReadOnlyList<double> losses, double? reference, string valueLabel)
    {
        ArgumentNullException.ThrowIfNull(losses);
        var finite = losses.Where(double.IsFinite).ToArray();
        if (finite.Length == 0)
        {
            return null;
        }

        var low = Math.Min(finite.Min(), reference ?? double.PositiveInfinity);
        var high = finite.Max();
        if (high - low < 1e-12)
        {
            (low, high) = (low - 0.5, high + 0.5);
        }

        var pad = 0.05 * (high - low);
        (low, high) = (low - pad, high + pad);
        var steps = Math.Max(1, losses.Count - 1);
        double X(int step) => Left + (Width - Left - Right) * (double)step / steps;
        double Y(double value) => Top + (Height - Top - Bottom) * (high - value) / (high - low);

        var svg = new StringBuilder();
        svg.Append(I($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"11\">"))
            .Append(I($"<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>"))
            .Append(I($"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - Right}\" y2=\"{Height - Bottom}\" stroke=\"#333\"/>"))
            .Append(I($"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Height - Bottom}\" stroke=\"#333\"/>"));
        foreach (var tick in new[] { high - pad, (high + low) / 2, low + pad })
        {
            svg.Append(I($"<text x=\"{Left - 4}\" y=\"{Y(tick) + 4:F1}\" text-anchor=\"end\">{tick:G5}</text>"));
        }

        svg.Append(I($"<text x=\"{Left}\" y=\"{Height - Bottom + 14}\">0</text>"))
            .Append(I($"<text x=\"{Width - Right}\" y=\"{Height - Bottom + 14}\" text-anchor=\"end\">{losses.Count - 1}</text>"))
            .Append(I($"<text x=\"{(Left + Width - Right) / 2}\" y=\"{Height - 6}\" text-anchor=\"middle\">optimizer step (best restart)</text>"))
            .Append(I($"<text x=\"12\" y=\"{Top + (Height - Top - Bottom) / 2}\" transform=\"rotate(-90 12 {Top + (Height - Top - Bottom) / 2})\" text-anchor=\"middle\">{System.Net.WebUtility.HtmlEncode(valueLabel)}</text>"));
        if (reference is { } exact)
        {
            svg.Append(I($"<line x1=\"{Left}\" y1=\"{Y(exact):F1}\" x2=\"{Width - Right}\" y2=\"{Y(exact):F1}\" stroke=\"#c33\" stroke-dasharray=\"5,4\"/>"))
                .Append(I($"<text x=\"{Width - Right - 4}\" y=\"{Y(exact) - 4:F1}\" text-anchor=\"end\" fill=\"#c33\">exact {exact:G8}</text>"));
        }

        svg.Append("<polyline fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"1.5\" points=\"");
        for (var step = 0; step < losses.Count; step++)
        {
            if (double.IsFinite(losses[step]))
            {
                svg.Append(I($"{X(step):F1},{Y(losses[step]):F1} "));
            }
        }

        return svg.Append("\"/></svg>").ToString();
    }

    private static string I(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
