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
        var log = LogTimeAxis(series);
        return
        [
            ChartCanvas.Render(Line(series, s => s.Trials, $"Best {quantity} so far vs trials", "finished trials", quantity, log: false), "best-vs-trials", $"Best {quantity} so far vs trials", caption),
            ChartCanvas.Render(TimeLine(series, quantity, log), "best-vs-time", $"Best {quantity} so far vs wall time", caption),
        ];
    }

    /// <summary>
    /// Whether the wall-time chart needs a log axis: the runs' lengths span a decade or more (a 1.7 s and a 28 s run),
    /// so that on a linear axis the short run would be squeezed against zero.
    /// </summary>
    internal static bool LogTimeAxis(IReadOnlyList<ProgressSeries> series)
    {
        var lengths = series.Select(s => s.Seconds.Where(double.IsFinite).DefaultIfEmpty(0).Max()).Where(v => v > 0).ToList();
        return lengths.Count >= 2 && lengths.Max() / lengths.Min() >= 10;
    }

    /// <summary>Best so far against seconds: from 0 on a linear axis (never a negative time), else on a log axis.</summary>
    internal static Plot TimeLine(IReadOnlyList<ProgressSeries> series, string quantity, bool log)
    {
        var plot = Line(series, s => s.Seconds, $"Best {quantity} so far vs wall time", log ? "seconds since the first trial (log scale)" : "seconds since the first trial", quantity, log);
        var longest = series.SelectMany(s => s.Seconds).Where(v => double.IsFinite(v) && v > 0).DefaultIfEmpty(1).Max();
        if (log)
        {
            // ScottPlot draws a log axis as log10 of the data with ticks labelled back in seconds.
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
            {
                MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
                IntegerTicksOnly = true,
                LabelFormatter = v => Math.Pow(10, v).ToString("G3", CultureInfo.InvariantCulture),
            };
        }
        else
        {
            plot.Axes.SetLimitsX(0, longest * 1.03);
        }

        return plot;
    }

    private static Plot Line(IReadOnlyList<ProgressSeries> series, Func<ProgressSeries, double[]> x, string title, string xLabel, string yLabel, bool log)
    {
        var plot = ChartCanvas.Create(title, xLabel, yLabel);
        foreach (var s in series)
        {
            var (xs, ys) = ChartCanvas.Finite(x(s), s.Values);
            if (log)
            {
                var kept = xs.Select((v, i) => (v, i)).Where(p => p.v > 0).ToList();
                ys = kept.Select(p => ys[p.i]).ToArray();
                xs = kept.Select(p => Math.Log10(p.v)).ToArray();
            }

            if (xs.Length == 0)
            {
                continue;
            }

            var line = plot.Add.Scatter(xs, ys);
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.MarkerSize = 0;
            line.LineWidth = 2;
            line.LegendText = string.Create(CultureInfo.InvariantCulture, $"{s.Label}: {ys[^1]:G6}");
        }

        plot.ShowLegend(Alignment.LowerRight);
        return plot;
    }
}
