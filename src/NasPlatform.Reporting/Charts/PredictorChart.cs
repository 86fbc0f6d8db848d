using System.Globalization;
using NasPlatform.Reporting.Data;
using ScottPlot;

namespace NasPlatform.Reporting.Charts;

/// <summary>
/// How far the predictor of a predictor strategy can be trusted: at each refit, Kendall's tau and
/// Spearman's rho of the previous fit's predictions against the measured values of the trials told
/// since (which it was not trained on), as the strategy journals them.
/// </summary>
public static class PredictorChart
{
    /// <summary>The chart, or null when the experiment's strategy journaled no held-out ranking.</summary>
    public static ChartImage? Render(ExperimentSnapshot experiment, string id)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        var fits = experiment.PredictorFits.Where(f => f.Values.TryGetValue("kendallTau", out var tau) && double.IsFinite(tau)).ToList();
        if (fits.Count == 0)
        {
            return null;
        }

        var title = $"{experiment.Name}: predictor rank agreement per refit";
        var plot = ChartCanvas.Create(title, "trials told at the refit", "rank correlation on held-out trials");
        var told = fits.Select(f => (double)f.TrialsTold).ToArray();
        var tau = plot.Add.Scatter(told, fits.Select(f => f.Values["kendallTau"]).ToArray());
        tau.LegendText = "Kendall tau";
        tau.LineWidth = 2;
        tau.MarkerSize = 7;
        var withRho = fits.Where(f => f.Values.TryGetValue("spearmanRho", out var r) && double.IsFinite(r)).ToList();
        if (withRho.Count > 0)
        {
            var rho = plot.Add.Scatter(withRho.Select(f => (double)f.TrialsTold).ToArray(), withRho.Select(f => f.Values["spearmanRho"]).ToArray());
            rho.LegendText = "Spearman rho";
            rho.LinePattern = LinePattern.Dashed;
            rho.MarkerSize = 5;
        }

        plot.Add.HorizontalLine(0, 1, Colors.Gray);
        plot.Axes.SetLimitsY(-1.05, 1.05);
        plot.ShowLegend(Alignment.LowerRight);
        var last = fits[^1];
        var caption = string.Create(CultureInfo.InvariantCulture,
            $"{fits.Count} refits. At each refit the previous fit ranks the trials told since, which it was not trained on (1 = the same order as measured, 0 = no better than chance). Latest: tau {last.Values["kendallTau"]:F3} on {last.Values.GetValueOrDefault("heldOut"):0} held-out trials; {last.Summary}.");
        return ChartCanvas.Render(plot, id, title, caption);
    }
}
