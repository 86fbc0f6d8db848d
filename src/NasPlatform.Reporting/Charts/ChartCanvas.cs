using ScottPlot;

namespace NasPlatform.Reporting.Charts;

/// <summary>The size and finish every chart shares.</summary>
internal static class ChartCanvas
{
    public const int Width = 800;
    public const int Height = 450;

    /// <summary>
    /// The first sans-serif face installed (Debian: DejaVu Sans), to match the report page's sans-serif text.
    /// ScottPlot's default and its <c>Fonts.Sans</c> name faces that Linux often lacks, which then fall back to a serif one.
    /// </summary>
    public static string SansFont { get; } =
        new[] { "DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial", "Helvetica", "Open Sans" }
            .FirstOrDefault(name => string.Equals(Fonts.GetTypeface(name, bold: false, italic: false).FamilyName, name, StringComparison.OrdinalIgnoreCase))
        ?? Fonts.Sans;

    public static Plot Create(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set(SansFont);
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        return plot;
    }

    public static ChartImage Render(Plot plot, string id, string title, string caption) =>
        new(id, title, caption, plot.GetImageBytes(Width, Height, ImageFormat.Png));

    /// <summary>Keeps finite pairs only: ScottPlot draws NaN as gaps at best and fails at worst.</summary>
    public static (double[] X, double[] Y) Finite(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        for (var i = 0; i < x.Count; i++)
        {
            if (double.IsFinite(x[i]) && double.IsFinite(y[i]))
            {
                xs.Add(x[i]);
                ys.Add(y[i]);
            }
        }

        return (xs.ToArray(), ys.ToArray());
    }
}
