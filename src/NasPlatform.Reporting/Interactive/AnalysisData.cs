using Newtonsoft.Json.Linq;
using NasPlatform.Engine.Results;
using NasPlatform.Engine.Storage;
using NasPlatform.Reporting.Analysis;
using NasPlatform.Reporting.Data;

namespace NasPlatform.Reporting.Interactive;

/// <summary>
/// What the interactive charts (nas-charts.js) draw for one experiment, as JSON: the objectives, every trial with
/// its metrics, its choices (named by the space's <c>DescribeChoices</c>), parents, worker and times, the Pareto front,
/// each objective's parameter importance, the learning curves (<see cref="CurveData"/>) and, for predictor-guided
/// runs, the replayed refits' predicted and measured values. The report inlines it; the dashboard serves it.
/// Non-finite numbers become null (JSON has none).
/// </summary>
public static class AnalysisData
{
    /// <summary>At most this many usable trials (the latest) feed the importance forest, so a refresh stays quick.</summary>
    public const int ImportanceTrials = 400;

    /// <summary>
    /// The analysis JSON of <paramref name="experiment"/>, with <paramref name="choices"/> naming its candidates' choices
    /// and <paramref name="refits"/> (<see cref="PredictorReplay"/>) giving the predicted-vs-measured view its points.
    /// </summary>
    public static JObject Of(ExperimentSnapshot experiment, TrialChoices choices, IReadOnlyList<PredictorRefit>? refits = null)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(choices);
        var objectives = experiment.Objectives.Objectives;
        var metrics = objectives.Select(o => o.Metric)
            .Concat(experiment.Trials.SelectMany(t => t.Metrics.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal).ToList();
        var front = experiment.Standing.Front.Select(t => t.Number).ToHashSet();
        var best = experiment.Standing.Best.Select(t => t.Number).ToHashSet();
        var origin = experiment.Trials.Select(t => t.StartedAt).OfType<DateTimeOffset>().DefaultIfEmpty(DateTimeOffset.UnixEpoch).Min();
        return new JObject
        {
            ["name"] = experiment.Name,
            ["objectives"] = new JArray(objectives.Select(o => new JObject { ["metric"] = o.Metric, ["direction"] = o.Direction.ToString().ToLowerInvariant() })),
            ["metrics"] = new JArray(metrics),
            ["choiceNames"] = new JArray(choices.Names),
            ["choicesNote"] = choices.Problem,
            ["trials"] = new JArray(experiment.Trials.Select(t => Trial(t, metrics, choices, origin, front.Contains(t.Number), best.Contains(t.Number)))),
            ["importance"] = Importance(experiment, choices),
            ["curves"] = CurveData.Of(experiment.IntermediateValues),
            ["predictor"] = new JArray((refits ?? []).Select(Refit)),
        };
    }

    // One refit: its points as [predicted, measured, trial number], the trial last as in every other view.
    private static JObject Refit(PredictorRefit refit) => new()
    {
        ["told"] = refit.TrialsTold,
        ["trainedOn"] = refit.TrainedOn,
        ["tau"] = Finite(refit.KendallTau),
        ["journaledTau"] = Finite(refit.JournaledTau),
        ["points"] = new JArray(refit.Predicted.Select((p, i) => i < refit.Trials.Count && double.IsFinite(p) && double.IsFinite(refit.Measured[i])
            ? new JArray(Math.Round(p, 6), refit.Measured[i], refit.Trials[i]) : null).OfType<JArray>()),
    };

    private static double? Finite(double value) => double.IsFinite(value) ? Math.Round(value, 4) : null;

    private static JObject Trial(TrialRecord t, List<string> metrics, TrialChoices choices, DateTimeOffset origin, bool onFront, bool best) => new()
    {
        ["n"] = t.Number,
        ["state"] = t.State.ToString().ToLowerInvariant(),
        ["fidelity"] = t.Fidelity,
        ["usable"] = t.IsUsable,
        ["front"] = onFront,
        ["best"] = best,
        ["m"] = new JArray(metrics.Select(m => t.Metrics.TryGetValue(m, out var v) && double.IsFinite(v) ? v : (double?)null)),
        ["c"] = new JArray(choices.ValuesOf(t.Candidate)),
        ["p"] = new JArray(t.Parents),
        ["worker"] = t.Worker,
        ["start"] = t.StartedAt is { } s ? (double?)Math.Round((s - origin).TotalSeconds, 3) : null,
        ["end"] = t.FinishedAt is { } f && t.StartedAt is not null ? (double?)Math.Round((f - origin).TotalSeconds, 3) : null,
    };

    // Each objective's importance over the choices, from the latest usable trials; seeded by the experiment's seed.
    private static JObject Importance(ExperimentSnapshot experiment, TrialChoices choices)
    {
        var usable = experiment.Trials.Where(t => t.IsUsable).TakeLast(ImportanceTrials).ToList();
        var rows = usable.Select(t => choices.ValuesOf(t.Candidate)).ToList();
        var result = new JObject();
        foreach (var objective in experiment.Objectives.Objectives)
        {
            var metric = usable.Select(t => t.Metrics.TryGetValue(objective.Metric, out var v) ? v : double.NaN).ToList();
            var importance = ParameterImportance.Compute(choices.Names, rows, metric, experiment.Spec.Seed, trees: 60);
            result[objective.Metric] = new JArray(importance.OrderByDescending(i => i.Importance).Select(i => new JObject { ["choice"] = i.Choice, ["importance"] = Math.Round(i.Importance, 4) }));
        }

        return result;
    }
}
