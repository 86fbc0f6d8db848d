using System.Globalization;
using System.Text;
using NasPlatform.Plugins.Quantum.Excitation;

namespace NasPlatform.Plugins.Quantum.Commands;

/// <summary>
/// The dissociation curve as an SVG: energies (HF, FCI, VQE) against bond length above, and below the VQE error
/// against FCI in mHa with the chemical-accuracy band shaded, so a point outside it shows at a glance.
/// </summary>
internal static class CurveChart
{
    private const double Width = 640, PanelHeight = 240, Left = 70, Right = 20, Top = 30, Gap = 50;

    public static string Svg(string title, IReadOnlyList<CurvePoint> points, double chemicalAccuracy)
    {
        var svg = new StringBuilder();
        var height = Top + (2 * PanelHeight) + Gap + 40;
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"11\">\n"));
        svg.Append(Invariant($"<rect width=\"{Width}\" height=\"{height}\" fill=\"white\"/>\n"));
        svg.Append(Invariant($"<text x=\"{Width / 2}\" y=\"18\" text-anchor=\"middle\" font-size=\"13\">{Escape(title)}</text>\n"));
        var (xMin, xMax) = Range(points.Select(p => p.BondLength));
        var (eMin, eMax) = Range(points.SelectMany(p => new[] { p.HartreeFock, p.Fci, p.Vqe }));
        var energy = new Panel(Top, xMin, xMax, eMin, eMax);
        energy.Frame(svg, "energy (Ha)");
        energy.Line(svg, points.Select(p => (p.BondLength, p.HartreeFock)), "#d62728", "HF", 0);
        energy.Line(svg, points.Select(p => (p.BondLength, p.Fci)), "#222222", "FCI", 1);
        energy.Line(svg, points.Select(p => (p.BondLength, p.Vqe)), "#1f77b4", "VQE (searched circuit)", 2, dots: true);

        var band = chemicalAccuracy * 1000;
        var errors = points.Select(p => p.Error * 1000).ToList();
        var error = new Panel(Top + PanelHeight + Gap, xMin, xMax, Math.Min(-0.1 * band, errors.Min()), Math.Max(1.5 * band, errors.Max()));
        error.Band(svg, 0, band, "#2ca02c");
        error.Frame(svg, "VQE − FCI (mHa)");
        error.Line(svg, points.Select(p => (p.BondLength, p.Error * 1000)), "#1f77b4", Invariant($"VQE error; band: chemical accuracy ({band:0.0} mHa)"), 0, dots: true);
        svg.Append(Invariant($"<text x=\"{Left + ((Width - Left - Right) / 2)}\" y=\"{height - 8}\" text-anchor=\"middle\">bond length (Å)</text>\n"));
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static (double Min, double Max) Range(IEnumerable<double> values)
    {
        var list = values.ToList();
        var (min, max) = (list.Min(), list.Max());
        var pad = max > min ? 0.05 * (max - min) : 0.5;
        return (min - pad, max + pad);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);

    private sealed record Panel(double Y0, double XMin, double XMax, double YMin, double YMax)
    {
        public double X(double x) => Left + ((x - XMin) / (XMax - XMin) * (Width - Left - Right));

        public double Y(double y) => Y0 + PanelHeight - ((y - YMin) / (YMax - YMin) * PanelHeight);

        public void Frame(StringBuilder svg, string label)
        {
            svg.Append(Invariant($"<rect x=\"{Left}\" y=\"{Y0}\" width=\"{Width - Left - Right}\" height=\"{PanelHeight}\" fill=\"none\" stroke=\"#888\"/>\n"));
            for (var i = 0; i <= 4; i++)
            {
                var x = XMin + ((XMax - XMin) * i / 4);
                var y = YMin + ((YMax - YMin) * i / 4);
                svg.Append(Invariant($"<text x=\"{X(x):0.#}\" y=\"{Y0 + PanelHeight + 14}\" text-anchor=\"middle\">{x:0.00}</text>\n"));
                svg.Append(Invariant($"<text x=\"{Left - 4}\" y=\"{Y(y) + 4:0.#}\" text-anchor=\"end\">{y:0.###}</text>\n"));
            }

            svg.Append(Invariant($"<text transform=\"translate(14,{Y0 + (PanelHeight / 2)}) rotate(-90)\" text-anchor=\"middle\">{Escape(label)}</text>\n"));
        }

        public void Band(StringBuilder svg, double from, double to, string color) =>
            svg.Append(Invariant($"<rect x=\"{Left}\" y=\"{Y(to):0.##}\" width=\"{Width - Left - Right}\" height=\"{Y(from) - Y(to):0.##}\" fill=\"{color}\" fill-opacity=\"0.2\"/>\n"));

        public void Line(StringBuilder svg, IEnumerable<(double X, double Y)> points, string color, string label, int legendRow, bool dots = false)
        {
            var list = points.ToList();
            var path = string.Join(' ', list.Select(p => Invariant($"{X(p.X):0.##},{Y(p.Y):0.##}")));
            svg.Append(Invariant($"<polyline points=\"{path}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"1.5\"/>\n"));
            if (dots)
            {
                foreach (var p in list)
                {
                    svg.Append(Invariant($"<circle cx=\"{X(p.X):0.##}\" cy=\"{Y(p.Y):0.##}\" r=\"3\" fill=\"{color}\"/>\n"));
                }
            }

            var ly = Y0 + 14 + (legendRow * 14);
            svg.Append(Invariant($"<line x1=\"{Width - Right - 190}\" y1=\"{ly - 4}\" x2=\"{Width - Right - 170}\" y2=\"{ly - 4}\" stroke=\"{color}\" stroke-width=\"2\"/>\n"));
            svg.Append(Invariant($"<text x=\"{Width - Right - 165}\" y=\"{ly}\">{Escape(label)}</text>\n"));
        }
    }
}
