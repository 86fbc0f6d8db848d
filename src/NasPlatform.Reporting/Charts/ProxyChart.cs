using System.Globalization;
using NasPlatform.Reporting.Data;
using ScottPlot;

namespace NasPlatform.Reporting.Charts;

/// <summary>
/// EcoNAS's proxy check as a chart: for each fidelity, how well it ranks candidates like the
/// highest fidelity (Kendall tau and Spearman rho), against its cost.
/// </summary>
public static class ProxyChart
{
    /// <summary>The chart, or null when the experiment has no proxy check and no candidate at two fidelities.</summary>
    public static ChartImage? Render(ExperimentSnapshot experiment, string id)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        var report = experiment.ProxyCheck;
        var rows = report?.Fidelities.Where(f => double.IsFinite(f.KendallTau)).ToList();
        if (report is null || rows is null || rows.Count == 0)
        {
            return null;
        }

        var title = $"{experiment.Name}: proxy-fidelity rank agreement";
        var plot = ChartCanvas.Create(title, "fidelity (cost)", $"rank agreement with {report.Fidelities[^1].Fidelity}");
        var positions = Enumerable.Range(0, rows.Count).Select(i => (double)i).ToArray();
        var tauBars = rows.Select((r, i) => new Bar { Position = i - 0.2, Value = r.KendallTau, Size = 0.38, FillColor = Colors.SteelBlue }).ToList();
        var rhoBars = rows.Select((r, i) => new Bar { Position = i + 0.2, Value = double.IsFinite(r.Spearman) ? r.Spearman : 0, Size = 0.38, FillColor = Colors.Orange }).ToList();
        plot.Add.Bars(tauBars).LegendText = "Kendall tau";
        plot.Add.Bars(rhoBars).LegendText = "Spearman rho";
        plot.Axes.Bottom.SetTicks(positions, rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Fidelity} ({r.Cost:G3})")).ToArray());
        plot.Axes.SetLimitsY(Math.Min(0, rows.Min(r => r.KendallTau)) - 0.05, 1.05);
        plot.ShowLegend(Alignment.UpperLeft);
        var source = report.ExperimentName == experiment.Name
            ? "the candidates this search scored at several fidelities"
            : $"the proxy check '{report.ExperimentName}' ({report.Samples} sampled candidates)";
        var caption = string.Create(CultureInfo.InvariantCulture,
            $"From {source}, metric {report.Metric}: each fidelity's ranking against the highest one's. {string.Join("; ", rows.Select(r => $"{r.Fidelity}: tau {r.KendallTau:F3} on {r.Compared} candidates, mean {r.MeanSeconds:G3} s"))}.");
        return ChartCanvas.Render(plot, id, title, caption);
    }
}
