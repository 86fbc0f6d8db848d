using NasPlatform.Reporting.Charts;
using NasPlatform.Reporting.Data;
using NasPlatform.Reporting.Views;

namespace NasPlatform.Reporting;

/// <summary>What a report shows of one experiment.</summary>
/// <param name="Experiment">The experiment as read.</param>
/// <param name="Trials">Every completed trial as a point; null when none completed.</param>
/// <param name="Pareto">One chart per pair of objectives (several objectives only).</param>
/// <param name="Predictor">The predictor's rank agreement per refit; null without predictor refits.</param>
/// <param name="PredictorScatter">Predicted vs measured values of replayed refits; null without refits or plugins.</param>
/// <param name="PredictorNote">Why the refits could not be replayed; null when they were (or there were none).</param>
/// <param name="Proxy">Proxy-fidelity rank agreement; null without a proxy check.</param>
/// <param name="Views">The plugin's domain views of the best trials.</param>
public sealed record ExperimentReport(
    ExperimentSnapshot Experiment,
    ChartImage? Trials,
    IReadOnlyList<ChartImage> Pareto,
    ChartImage? Predictor,
    ChartImage? PredictorScatter,
    string? PredictorNote,
    ChartImage? Proxy,
    DomainViewSet Views)
{
    /// <summary>What the interactive charts draw (<see cref="Interactive.AnalysisData"/>); empty when not computed.</summary>
    public Newtonsoft.Json.Linq.JObject Analysis { get; init; } = new();

    /// <summary>Every chart of the experiment.</summary>
    public IEnumerable<ChartImage> Charts =>
        new[] { Trials }.Concat(Pareto).Concat([Predictor, PredictorScatter, Proxy]).OfType<ChartImage>();
}
