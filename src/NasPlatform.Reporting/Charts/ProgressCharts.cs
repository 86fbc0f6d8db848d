using System.Globalization;
using NasPlatform.Reporting.Data;
using ScottPlot;

namespace NasPlatform.Reporting.Charts;

/// <summary>Best so far against finished trials and against wall time, one line per experiment.</summary>
public static class ProgressCharts
{
    /// <summary>The two charts; empty when no experiment has a usable trial yet.</summary>
    public static IReadOnlyList<ChartImage> Render(IReadOnlyList<ExperimentSnapshot> experiments)
    {
        ArgumentNullException.ThrowIfNull(experiments);
        var series = experiments.Select(ProgressSeries.Of).Where(s => s.Values.Any(double.IsFinite)).ToList();
        if (series.Count == 0)
        {
            return [];
        }

        var quantity = series.Select(s => s.Quantity).Distinct().Count() == 1 ? series[0].Quantity : "best value";
        var direction = experiments.Count == 1 ? $" ({experiments[0].Objectives.Primary.Direction.ToString().ToLowerInvariant()})" : string.Empty;
        var caption = series[0].Quantity == "hypervolume"
            ? "Hypervolume of the Pareto front after each finished trial, as the run recorded it (higher is better)."
            : $"Best {quantity}{direction} among the usable trials so far; with several fidelities, at the highest fidelity with a result.";
        return
        [
            Line(series, s => s.Trials, "best-vs-trials", $"Best {quantity} so far vs trials", "finished trials", quantity, caption),
            Line(series, s => s.Seconds, "best-vs-time", $"Best {quantity} so far vs wall time", "seconds since the first trial", quantity, caption),
        ];
    }

    private static ChartImage Line(IReadOnlyList<ProgressSeries> series, Func<ProgressSeries, double[]> x, string id, string title, string xLabel, string yLabel, string caption)
    {
        var plot = ChartCanvas.Create(title, xLabel, yLabel);
        foreach (var s in series)
        {
            var (xs, ys) = ChartCanvas.Finite(x(s), s.Values);
            var line = plot.Add.Scatter(xs, ys);
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.MarkerSize = 0;
            line.LineWidth = 2;
            line.LegendText = string.Create(CultureInfo.InvariantCulture, $"{s.Label}: {ys[^1]:G6}");
        }

        plot.ShowLegend(Alignment.LowerRight);
        return ChartCanvas.Render(plot, id, title, caption);
    }
}
