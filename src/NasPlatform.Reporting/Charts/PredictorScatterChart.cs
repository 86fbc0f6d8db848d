using System.Globalization;
using NasPlatform.Reporting.Data;
using ScottPlot;

namespace NasPlatform.Reporting.Charts;

/// <summary>Predicted against measured values of the trials each refit had not seen, one colour per refit, with its Kendall tau.</summary>
public static class PredictorScatterChart
{
    /// <summary>The chart, or null without replayed refits.</summary>
    public static ChartImage? Render(ExperimentSnapshot experiment, IReadOnlyList<PredictorRefit> refits, string id)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(refits);
        if (refits.Count == 0)
        {
            return null;
        }

        var title = $"{experiment.Name}: predicted vs measured {experiment.Objectives.Primary.Metric}";
        var caption = string.Create(CultureInfo.InvariantCulture,
            $"Each refit replayed from the store: the strategy's predictor fitted on the usable trials told by then predicts the {refits.Sum(r => r.Predicted.Length)} trials told before the next refit (which it had not seen). The fit's seed differs from the run's, so tau is close to, not equal to, the run's journaled tau (in brackets). Dotted: predicted = measured.");
        return ChartCanvas.Render(Build(experiment, refits), id, title, caption);
    }

    /// <summary>The chart's plot: a colour per refit, the diagonal, and the legend beside the data area.</summary>
    internal static Plot Build(ExperimentSnapshot experiment, IReadOnlyList<PredictorRefit> refits)
    {
        var metric = experiment.Objectives.Primary.Metric;
        var plot = ChartCanvas.Create($"{experiment.Name}: predicted vs measured {metric}", $"predicted {metric}", $"measured {metric}");
        foreach (var refit in refits)
        {
            var points = plot.Add.ScatterPoints(refit.Predicted, refit.Measured);
            points.MarkerSize = 6;
            points.LegendText = string.Create(CultureInfo.InvariantCulture, $"refit at {refit.TrialsTold}: tau {Tau(refit.KendallTau)} (run: {Tau(refit.JournaledTau)})");
        }

        var all = refits.SelectMany(r => r.Predicted.Concat(r.Measured)).Where(double.IsFinite).ToList();
        if (all.Count > 0)
        {
            var diagonal = plot.Add.Line(all.Min(), all.Min(), all.Max(), all.Max());
            diagonal.LinePattern = LinePattern.Dotted;
            diagonal.Color = Colors.Gray;
        }

        // Beside the plot, not over it: the points fill the data area corner to corner along the diagonal.
        plot.ShowLegend(Edge.Right);
        return plot;
    }

    private static string Tau(double tau) => double.IsNaN(tau) ? "n/a" : tau.ToString("F2", CultureInfo.InvariantCulture);
}
