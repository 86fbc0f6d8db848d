using Newtonsoft.Json.Linq;
using NasPlatform.Engine.Storage;

namespace NasPlatform.Reporting.Interactive;

/// <summary>
/// The learning curves of an experiment for the interactive charts (nas-curves.js): every trial's stored intermediate
/// values (what its evaluator reported per step: a network's validation accuracy per epoch, a VQE's energy per optimizer
/// step), as <c>{"metrics": [names], "trials": [{"n": trial, "s": [steps], "v": [[values of metric 0], ...]}]}</c> with
/// null where a step lacks a metric. The store keeps at most about 500 steps per trial (thinned while the trial runs),
/// so this stays bounded.
/// </summary>
public static class CurveData
{
    /// <summary>The curves of <paramref name="values"/> (as the store returns them: by trial, then step).</summary>
    public static JObject Of(IReadOnlyList<IntermediateValues> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var metrics = values.SelectMany(v => v.Metrics.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var trials = new JArray();
        foreach (var trial in values.GroupBy(v => v.TrialNumber).OrderBy(g => g.Key))
        {
            var steps = trial.OrderBy(v => v.Step).ToList();
            trials.Add(new JObject
            {
                ["n"] = trial.Key,
                ["s"] = new JArray(steps.Select(v => v.Step)),
                ["v"] = new JArray(metrics.Select(m => new JArray(steps.Select(v => v.Metrics.TryGetValue(m, out var x) && double.IsFinite(x) ? x : (double?)null)))),
            });
        }

        return new JObject { ["metrics"] = new JArray(metrics), ["trials"] = trials };
    }
}
