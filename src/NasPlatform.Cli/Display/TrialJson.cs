using System.Globalization;
using Newtonsoft.Json.Linq;
using NasPlatform.Engine.Results;
using NasPlatform.Engine.Running;
using NasPlatform.Engine.Storage;

namespace NasPlatform.Cli.Display;

/// <summary>The JSON form of trials and summaries, shared by --json output and `nas export`.</summary>
internal static class TrialJson
{
    public static JObject Trial(TrialRecord trial) => new()
    {
        ["number"] = trial.Number,
        ["state"] = trial.State.ToString().ToLowerInvariant(),
        ["fidelity"] = trial.Fidelity,
        ["hash"] = trial.Hash,
        ["candidate"] = trial.Candidate.ToJson(),
        ["metrics"] = Numbers(trial.Metrics),
        ["freeStatistics"] = Numbers(trial.FreeStatistics),
        ["feasible"] = trial.Feasible,
        ["error"] = trial.Error,
        ["worker"] = trial.Worker,
        ["createdAt"] = trial.CreatedAt.ToString("O"),
        ["startedAt"] = trial.StartedAt?.ToString("O"),
        ["finishedAt"] = trial.FinishedAt?.ToString("O"),
        ["seconds"] = trial.Duration?.TotalSeconds,
        ["artifacts"] = new JArray(trial.Artifacts.Select(a => new JObject { ["name"] = a.Name, ["path"] = a.Path })),
    };

    /// <summary>The trial with its candidate's choices by name (<c>"choices": {"edge_1_0": "nor_conv_3x3", ...}</c>) after the candidate.</summary>
    public static JObject Trial(TrialRecord trial, TrialChoices choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var json = Trial(trial);
        json.Property("candidate")!.AddAfterSelf(new JProperty("choices", new JObject(choices.Names.Select(n => new JProperty(n, choices.ValueOf(trial.Candidate, n))))));
        return json;
    }

    public static JObject Summary(RunSummary summary) => new()
    {
        ["experiment"] = summary.ExperimentName,
        ["status"] = summary.Status.ToString().ToLowerInvariant(),
        ["finished"] = summary.TrialsFinished,
        ["completed"] = summary.Completed,
        ["failed"] = summary.Failed,
        ["pruned"] = summary.Pruned,
        ["infeasible"] = summary.Infeasible,
        ["running"] = summary.Running,
        ["pending"] = summary.Pending,
        ["trialBudget"] = summary.TrialBudget,
        ["secondsBudget"] = summary.SecondsBudget,
        ["elapsedSeconds"] = summary.ElapsedSeconds,
        ["rejectedCandidates"] = summary.RejectedCandidates,
        ["best"] = new JArray(summary.Best.Select(Trial)),
        ["bestFidelity"] = summary.BestFidelity,
        ["costSpent"] = summary.CostSpent,
        ["costBudget"] = summary.CostBudget,
        ["hypervolume"] = summary.Hypervolume?.Value,
    };

    // NaN and infinities are not JSON; they only occur in failed trials' partial data.
    private static JObject Numbers(IReadOnlyDictionary<string, double> values) =>
        new(values.Select(kv => new JProperty(kv.Key, double.IsFinite(kv.Value) ? new JValue(kv.Value) : new JValue(kv.Value.ToString(CultureInfo.InvariantCulture)))));
}
