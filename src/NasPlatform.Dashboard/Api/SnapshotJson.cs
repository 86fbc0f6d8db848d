using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Search;
using NasPlatform.Engine.Results;
using NasPlatform.Engine.Storage;
using NasPlatform.Reporting.Data;

namespace NasPlatform.Dashboard.Api;

/// <summary>What the page reads, as JSON (non-finite numbers become null: JSON has none).</summary>
public static class SnapshotJson
{
    /// <summary>
    /// Changes whenever a trial is added or changes state, or the experiment's status changes: the
    /// page refreshes when it does.
    /// </summary>
    public static string Version(ExperimentSnapshot experiment)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        var states = experiment.Trials.Sum(t => (long)t.State + 1);
        return $"{experiment.Standing.Total}.{experiment.Standing.Finished}.{states}.{experiment.Record.Status}.{experiment.PredictorFits.Count}";
    }

    /// <summary>One line of the experiments list.</summary>
    public static JObject Summary(string key, ExperimentSnapshot e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var best = e.Standing.Best;
        return new JObject
        {
            ["key"] = key,
            ["name"] = e.Name,
            ["store"] = e.StorePath,
            ["plugin"] = e.Spec.Plugin,
            ["strategy"] = e.Spec.Strategy.Name,
            ["status"] = e.Record.Status.ToString().ToLowerInvariant(),
            ["elapsedSeconds"] = e.Record.ElapsedSeconds,
            ["trialBudget"] = e.Standing.Budget.Trials,
            ["objectives"] = new JArray(e.Objectives.Objectives.Select(o => new JObject { ["metric"] = o.Metric, ["direction"] = o.Direction.ToString().ToLowerInvariant() })),
            ["counts"] = new JObject(Enum.GetValues<TrialState>().Select(s => new JProperty(s.ToString().ToLowerInvariant(), e.Standing.Count(s)))),
            ["best"] = new JArray(best.Take(5).Select(b => new JObject { ["number"] = b.Number, ["metrics"] = Numbers(b.Metrics) })),
            ["version"] = Version(e),
        };
    }

    /// <summary>
    /// The trials table: one row per trial, metrics by name and, when <paramref name="choices"/> are given, the
    /// candidate's choices by name (<c>"choiceNames"</c> in the space's order, <c>"choices"</c> per trial).
    /// </summary>
    public static JObject Trials(ExperimentSnapshot e, TrialChoices? choices = null)
    {
        ArgumentNullException.ThrowIfNull(e);
        choices ??= TrialChoices.Empty;
        var objectives = e.Objectives.Objectives.Select(o => o.Metric).ToList();
        var metrics = objectives.Concat(e.Trials.SelectMany(t => t.Metrics.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal).ToList();
        var best = e.Standing.Best.Select(t => t.Number).ToHashSet();
        return new JObject
        {
            ["version"] = Version(e),
            ["metrics"] = new JArray(metrics),
            ["objectives"] = new JArray(objectives),
            ["choiceNames"] = new JArray(choices.Names),
            ["choicesNote"] = choices.Problem,
            ["trials"] = new JArray(e.Trials.Select(t => new JObject
            {
                ["number"] = t.Number,
                ["state"] = t.State.ToString().ToLowerInvariant(),
                ["fidelity"] = t.Fidelity,
                ["feasible"] = t.Feasible,
                ["best"] = best.Contains(t.Number),
                ["metrics"] = Numbers(t.Metrics),
                ["choices"] = new JObject(choices.Names.Select(n => new JProperty(n, choices.ValueOf(t.Candidate, n)))),
                ["seconds"] = t.Duration?.TotalSeconds,
                ["worker"] = t.Worker,
                ["error"] = t.Error?.Split('\n')[0],
            })),
        };
    }

    /// <summary>Everything about one trial.</summary>
    public static JObject Trial(TrialRecord t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return new JObject
        {
            ["number"] = t.Number,
            ["state"] = t.State.ToString().ToLowerInvariant(),
            ["fidelity"] = t.Fidelity,
            ["hash"] = t.Hash,
            ["candidate"] = t.Candidate.ToJson(),
            ["metrics"] = Numbers(t.Metrics),
            ["freeStatistics"] = Numbers(t.FreeStatistics),
            ["parents"] = new JArray(t.Parents),
            ["feasible"] = t.Feasible,
            ["error"] = t.Error,
            ["worker"] = t.Worker,
            ["createdAt"] = t.CreatedAt.ToString("O"),
            ["startedAt"] = t.StartedAt?.ToString("O"),
            ["finishedAt"] = t.FinishedAt?.ToString("O"),
            ["seconds"] = t.Duration?.TotalSeconds,
            ["artifacts"] = new JArray(t.Artifacts.Select(a => new JObject
            {
                ["name"] = a.Name,
                ["path"] = a.Path,
                ["bytes"] = File.Exists(a.Path) ? new FileInfo(a.Path).Length : null,
            })),
        };
    }

    private static JObject Numbers(IReadOnlyDictionary<string, double> values) =>
        new(values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => new JProperty(v.Key, double.IsFinite(v.Value) ? v.Value : null)));
}
