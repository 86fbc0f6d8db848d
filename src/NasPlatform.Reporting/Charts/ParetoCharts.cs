using NasPlatform.Search.Results;
using System.Globalization;
using NasPlatform.Abstractions.Objectives;
using NasPlatform.Engine.Results;
using NasPlatform.Engine.Storage;
using NasPlatform.Reporting.Data;
using ScottPlot;

namespace NasPlatform.Reporting.Charts;

/// <summary>The Pareto front of each pair of objectives, with every usable trial and the front's hypervolume.</summary>
public static class ParetoCharts
{
    /// <summary>One chart per pair of objectives; empty for a single objective or before any usable trial.</summary>
    public static IReadOnlyList<ChartImage> Render(ExperimentSnapshot experiment, string idPrefix)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        var objectives = experiment.Objectives.Objectives;
        var charts = new List<ChartImage>();
        if (objectives.Count < 2)
        {
            return charts;
        }

        // Compare like with like: the highest fidelity with a usable trial, as "best" does.
        var fidelity = experiment.Standing.BestFidelity;
        var usable = experiment.Trials.Where(t => t.IsUsable && (fidelity is null || t.Fidelity == fidelity)).ToList();
        for (var i = 0; i < objectives.Count; i++)
        {
            for (var j = i + 1; j < objectives.Count; j++)
            {
                var pair = new ObjectiveSet([objectives[i], objectives[j]]);
                var points = usable.Where(t => pair.Utilities(t.Metrics).All(double.IsFinite)).ToList();
                if (points.Count > 0)
                {
                    charts.Add(Pair(experiment, pair, points, $"{idPrefix}pareto-{Safe(objectives[i].Metric)}-{Safe(objectives[j].Metric)}"));
                }
            }
        }

        return charts;
    }

    private static ChartImage Pair(ExperimentSnapshot experiment, ObjectiveSet pair, IReadOnlyList<TrialRecord> trials, string id)
    {
        var (x, y) = (pair.Objectives[0], pair.Objectives[1]);
        var front = ParetoFront.Of(trials, pair).OrderBy(t => t.Metrics[x.Metric]).ToList();
        var measure = FrontHypervolume.Measure(front, pair, experiment.Spec.ObjectiveReferences);
        var title = string.Create(CultureInfo.InvariantCulture, $"{experiment.Name}: Pareto front, hypervolume {measure.Value:G4}");
        var plot = ChartCanvas.Create(title, $"{x.Metric} ({Word(x)})", $"{y.Metric} ({Word(y)})");
        var all = plot.Add.ScatterPoints(trials.Select(t => t.Metrics[x.Metric]).ToArray(), trials.Select(t => t.Metrics[y.Metric]).ToArray());
        all.MarkerSize = 4;
        all.Color = Colors.Gray.WithAlpha(0.6);
        all.LegendText = $"usable trials ({trials.Count})";
        var line = plot.Add.Scatter(front.Select(t => t.Metrics[x.Metric]).ToArray(), front.Select(t => t.Metrics[y.Metric]).ToArray());
        line.MarkerSize = 8;
        line.LineWidth = 2;
        line.Color = Colors.OrangeRed;
        line.LegendText = $"Pareto front ({front.Count})";
        if (measure.Reference.TryGetValue(x.Metric, out var rx) && measure.Reference.TryGetValue(y.Metric, out var ry))
        {
            var reference = plot.Add.ScatterPoints(new[] { rx }, new[] { ry });
            reference.MarkerShape = MarkerShape.OpenSquare;
            reference.MarkerSize = 10;
            reference.Color = Colors.Black;
            reference.LegendText = measure.Derived ? "reference (derived from the front)" : "reference (experiment file)";
        }

        // Trade-off fronts rise towards a corner that depends on the directions: keep the legend out of the data's way.
        plot.ShowLegend(Alignment.UpperLeft);
        var caption = string.Create(CultureInfo.InvariantCulture,
            $"Usable trials in {x.Metric} and {y.Metric}; the front holds those no other trial beats in both. Hypervolume {measure.Value:G6} against the reference point {string.Join(", ", measure.Reference.Select(r => $"{r.Key} = {r.Value:G6}"))}{(measure.Derived ? " (derived from the front: compare values only at the same moment)" : string.Empty)}.");
        return ChartCanvas.Render(plot, id, title, caption);
    }

    private static string Word(Objective objective) => objective.Direction == Direction.Maximize ? "maximize" : "minimize";

    private static string Safe(string name) => new(name.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray());
}
