using NasPlatform.Abstractions.Search;
using NasPlatform.Reporting.Data;
using ScottPlot;

namespace NasPlatform.Reporting.Charts;

/// <summary>Every completed trial of one experiment as a point: primary metric against trial number, one colour per fidelity.</summary>
public static class TrialsChart
{
    /// <summary>The chart, or null when no trial completed with the primary metric.</summary>
    public static ChartImage? Render(ExperimentSnapshot experiment, string id)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        var metric = experiment.Objectives.Primary.Metric;
        var completed = experiment.Trials
            .Where(t => t.State == TrialState.Completed && t.Metrics.TryGetValue(metric, out var v) && double.IsFinite(v))
            .ToList();
        if (completed.Count == 0)
        {
            return null;
        }

        var title = $"{experiment.Name}: every completed trial";
        var plot = ChartCanvas.Create(title, "trial number", metric);
        foreach (var group in completed.GroupBy(t => t.Fidelity).OrderBy(g => experiment.FidelityOrder?.ToList().IndexOf(g.Key) ?? 0))
        {
            var feasible = group.Where(t => t.Feasible).ToList();
            var points = plot.Add.ScatterPoints(feasible.Select(t => (double)t.Number).ToArray(), feasible.Select(t => t.Metrics[metric]).ToArray());
            points.MarkerSize = 5;
            points.LegendText = $"{group.Key} ({feasible.Count})";
            var infeasible = group.Where(t => !t.Feasible).ToList();
            if (infeasible.Count > 0)
            {
                var marks = plot.Add.ScatterPoints(infeasible.Select(t => (double)t.Number).ToArray(), infeasible.Select(t => t.Metrics[metric]).ToArray());
                marks.MarkerShape = MarkerShape.Eks;
                marks.MarkerSize = 6;
                marks.LegendText = $"{group.Key}, infeasible ({infeasible.Count})";
            }
        }

        var failed = experiment.Standing.Failed;
        plot.ShowLegend(Alignment.LowerRight);
        return ChartCanvas.Render(plot, id, title,
            $"{completed.Count} completed trials by number (the order they were proposed), coloured by fidelity; {failed} failed trials are listed under Failures.");
    }
}
