using NasPlatform.Engine.Plugins;
using NasPlatform.Reporting.Charts;
using NasPlatform.Reporting.Data;
using NasPlatform.Reporting.Views;

namespace NasPlatform.Reporting;

/// <summary>A report on one or more experiments: the comparison charts and each experiment's own.</summary>
/// <param name="Progress">Best so far against trials and against wall time, one line per experiment.</param>
/// <param name="Experiments">Each experiment's charts and views.</param>
/// <param name="CreatedAt">When the report was made.</param>
public sealed record Report(IReadOnlyList<ChartImage> Progress, IReadOnlyList<ExperimentReport> Experiments, DateTimeOffset CreatedAt)
{
    /// <summary>How many best trials get domain views.</summary>
    public const int ViewedTrials = 3;

    /// <summary>Every chart, comparison first.</summary>
    public IEnumerable<ChartImage> Charts => Progress.Concat(Experiments.SelectMany(e => e.Charts));

    /// <summary>Renders the charts of <paramref name="experiments"/>; with <paramref name="plugins"/>, also the domain views of their best trials.</summary>
    public static Report Build(IReadOnlyList<ExperimentSnapshot> experiments, PluginCatalog? plugins, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(experiments);
        if (experiments.Count == 0)
        {
            throw new ArgumentException("A report needs at least one experiment.", nameof(experiments));
        }

        var reports = new List<ExperimentReport>();
        for (var i = 0; i < experiments.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var experiment = experiments[i];
            var prefix = experiments.Count == 1 ? string.Empty : $"e{i + 1}-";
            var (refits, predictorNote) = plugins is null ? ([], null) : Replay(experiment, plugins, cancellationToken);
            reports.Add(new ExperimentReport(
                experiment,
                TrialsChart.Render(experiment, prefix + "trials"),
                ParetoCharts.Render(experiment, prefix),
                PredictorChart.Render(experiment, prefix + "predictor"),
                PredictorScatterChart.Render(experiment, refits, prefix + "predictor-scatter"),
                predictorNote,
                ProxyChart.Render(experiment, prefix + "proxy"),
                plugins is null ? new DomainViewSet([], null) : DomainViews.ForBest(experiment, plugins, ViewedTrials, cancellationToken))
            {
                Analysis = Interactive.AnalysisData.Of(experiment, plugins is null
                    ? Engine.Results.TrialChoices.Of(null, experiment.Trials.Select(t => t.Candidate))
                    : Engine.Results.TrialChoices.Of(experiment.Spec, experiment.Trials.Select(t => t.Candidate), () => plugins), refits),
            });
        }

        return new Report(ProgressCharts.Render(experiments), reports, DateTimeOffset.UtcNow);
    }

    private static (IReadOnlyList<PredictorRefit> Refits, string? Note) Replay(ExperimentSnapshot experiment, PluginCatalog plugins, CancellationToken cancellationToken)
    {
        try
        {
            return (PredictorReplay.Run(experiment, plugins, cancellationToken), null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return ([], $"The predictor's refits could not be replayed for the predicted-vs-measured chart: {e.Message}");
        }
    }

    /// <summary>Writes report.html (self-contained: charts inlined) and one PNG per chart into <paramref name="folder"/>; returns the HTML file's path.</summary>
    public string WriteTo(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Directory.CreateDirectory(folder);
        foreach (var chart in Charts)
        {
            File.WriteAllBytes(Path.Combine(folder, chart.Id + ".png"), chart.Png);
        }

        var html = Path.Combine(folder, "report.html");
        File.WriteAllText(html, Html.HtmlReport.Render(this));
        return html;
    }
}
