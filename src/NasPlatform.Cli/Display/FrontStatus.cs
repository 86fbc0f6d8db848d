using NasPlatform.Search.Results;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Objectives;
using NasPlatform.Abstractions.Search;
using NasPlatform.Cli.Infrastructure;
using NasPlatform.Engine.Results;
using NasPlatform.Engine.Storage;

namespace NasPlatform.Cli.Display;

/// <summary>
/// What `nas status` adds for multi-fidelity and multi-objective experiments: cost spent (from the
/// fidelities the store recorded), the fidelity the best trials come from, and the Pareto front's
/// hypervolume with its reference point and recorded history.
/// </summary>
internal sealed record FrontStatus(double? CostSpent, HypervolumeMeasure? Hypervolume, IReadOnlyList<FrontPoint> History, bool SeveralFidelities)
{
    public static FrontStatus Of(LocatedExperiment located, IReadOnlyList<TrialRecord> trials, IReadOnlyList<TrialRecord> best, ObjectiveSet objectives, IReadOnlyList<Fidelity> fidelities)
    {
        // Started trials spend their fidelity's cost; a store without recorded fidelities cannot say.
        var costs = fidelities.ToDictionary(f => f.Name, f => f.Cost);
        double? cost = costs.Count == 0 ? null : trials.Where(t => t.IsFinished || t.State == TrialState.Running).Sum(t => costs.GetValueOrDefault(t.Fidelity));
        var hypervolume = objectives.IsMultiObjective ? FrontHypervolume.Measure(best, objectives, located.Spec.ObjectiveReferences) : null;
        var history = objectives.IsMultiObjective ? located.Store.GetFrontHistory(located.Record.Id) : [];
        return new FrontStatus(cost, hypervolume, history, trials.Select(t => t.Fidelity).Distinct().Count() > 1);
    }

    public JToken HypervolumeJson() => Hypervolume is null
        ? JValue.CreateNull()
        : new JObject
        {
            ["value"] = Hypervolume.Value,
            ["frontSize"] = Hypervolume.FrontSize,
            ["reference"] = new JObject(Hypervolume.Reference.Select(r => new JProperty(r.Key, r.Value))),
            ["referenceDerived"] = Hypervolume.Derived,
        };

    public JArray HistoryJson() => new(History.Select(p => new JObject
    {
        ["tell"] = p.TellSequence,
        ["trial"] = p.TrialNumber,
        ["frontSize"] = p.FrontSize,
        ["hypervolume"] = p.Hypervolume,
        ["referenceDerived"] = p.DerivedReference,
    }));

    public IEnumerable<string> Lines(Engine.Experiments.ExperimentSpec spec, IReadOnlyList<TrialRecord> best)
    {
        if (CostSpent is { } cost && (SeveralFidelities || spec.Budget.Cost is not null))
        {
            yield return spec.Budget.Cost is { } budget
                ? $"cost spent: {TrialText.Number(cost)} / {TrialText.Number(budget)}"
                : $"cost spent: {TrialText.Number(cost)}";
        }

        if (SeveralFidelities && best.Count > 0)
        {
            yield return $"best compared at fidelity '{best[0].Fidelity}' (the highest with a result)";
        }

        if (Hypervolume is { } hv)
        {
            var reference = string.Join(", ", hv.Reference.Select(r => $"{r.Key}={TrialText.Number(r.Value)}"));
            yield return $"Pareto front: {hv.FrontSize} trials, hypervolume {TrialText.Number(hv.Value)} " +
                         $"(reference {(reference.Length == 0 ? "-" : reference)}{(hv.Derived ? "; derived from the front, set objectives[].reference to fix it" : string.Empty)})";
            if (History.Count > 1)
            {
                yield return $"hypervolume history: {History.Count} points in the store (`nas status --json` lists them)";
            }
        }
    }
}
