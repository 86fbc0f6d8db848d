using System.Globalization;
using System.Security;
using System.Text;
using NasPlatform.Plugins.Vision.Evaluation;

namespace NasPlatform.Plugins.Vision.Views;

/// <summary>
/// A <see cref="ConfusionMatrix"/> as an SVG heatmap drawn by hand (the plugin stays free of a plotting
/// library): rows are true classes, columns predicted ones, each cell shaded by its share of the row (so a
/// rare class reads as clearly as a common one) and labelled with its count, and per-class recall at the
/// right of each row.
/// </summary>
public static class ConfusionHeatmap
{
    private const int LabelWidth = 110;
    private const int Top = 96;
    private const int RecallWidth = 64;

    public static string Svg(ConfusionMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var k = matrix.Classes;
        // Cells shrink with many classes; counts are written only where they fit.
        var cell = Math.Clamp(480 / Math.Max(1, k), 10, 44);
        var width = LabelWidth + k * cell + RecallWidth + 8;
        var height = Top + k * cell + 8;
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"11\">"));
        svg.Append(Invariant($"<text x=\"{LabelWidth + k * cell / 2}\" y=\"12\" text-anchor=\"middle\" font-weight=\"bold\">predicted</text>"));
        svg.Append(Invariant($"<text x=\"4\" y=\"{Top - 6}\" font-weight=\"bold\">true</text>"));
        svg.Append(Invariant($"<text x=\"{LabelWidth + k * cell + 6}\" y=\"{Top - 6}\" font-weight=\"bold\">recall</text>"));
        for (var j = 0; j < k; j++)
        {
            var x = LabelWidth + j * cell + cell / 2;
            svg.Append(Invariant($"<text x=\"{x}\" y=\"{Top - 4}\" transform=\"rotate(-60 {x} {Top - 4})\">{Escape(Short(matrix.ClassNames[j]))}</text>"));
        }

        for (var i = 0; i < k; i++)
        {
            var y = Top + i * cell;
            svg.Append(Invariant($"<text x=\"{LabelWidth - 4}\" y=\"{y + cell / 2 + 4}\" text-anchor=\"end\">{Escape(Short(matrix.ClassNames[i]))}</text>"));
            var support = matrix.Support(i);
            for (var j = 0; j < k; j++)
            {
                var count = matrix[i, j];
                var share = support == 0 ? 0 : count / (double)support;
                var x = LabelWidth + j * cell;
                svg.Append(Invariant($"<rect x=\"{x}\" y=\"{y}\" width=\"{cell}\" height=\"{cell}\" fill=\"{Shade(share, i == j)}\" stroke=\"#fff\"><title>{Escape(matrix.ClassNames[i])} → {Escape(matrix.ClassNames[j])}: {count}</title></rect>"));
                if (cell >= 24 && count > 0)
                {
                    svg.Append(Invariant($"<text x=\"{x + cell / 2}\" y=\"{y + cell / 2 + 4}\" text-anchor=\"middle\" fill=\"{(share > 0.55 ? "#fff" : "#000")}\">{count}</text>"));
                }
            }

            var recall = matrix.Recall(i);
            var recallText = double.IsNaN(recall) ? "–" : Percent(recall, 1);
            svg.Append(Invariant($"<text x=\"{LabelWidth + k * cell + 6}\" y=\"{y + cell / 2 + 4}\">{recallText}</text>"));
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>Blue for the diagonal (right), red off it (confusions), deeper for a larger share of the row.</summary>
    private static string Shade(double share, bool diagonal)
    {
        var t = Math.Clamp(share, 0, 1);
        var (r, g, b) = diagonal ? (33, 102, 172) : (202, 0, 32);
        int Mix(int full) => (int)Math.Round(255 + (full - 255) * t);
        return Invariant($"#{Mix(r):x2}{Mix(g):x2}{Mix(b):x2}");
    }

    /// <summary>"93.5%" (the invariant culture's P format puts a space before the sign).</summary>
    public static string Percent(double share, int decimals) => (100 * share).ToString("F" + decimals, CultureInfo.InvariantCulture) + "%";

    private static string Short(string name) => name.Length <= 16 ? name : name[..15] + "…";

    private static string Escape(string text) => SecurityElement.Escape(text) ?? string.Empty;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
