using NasPlatform.Search.Results;
using Newtonsoft.Json.Linq;
using NasPlatform.Cli.Infrastructure;
using NasPlatform.Engine.Results;
using NasPlatform.Engine.Storage;

namespace NasPlatform.Cli.Display;

/// <summary>
/// What `nas status` adds for multi-fidelity and multi-objective experiments: cost spent, the
/// fidelity the best trials come from, and the Pareto front's hypervolume with its reference point
/// (all from the experiment's <see cref="ExperimentStanding"/>) and recorded history.
/// </summary>
internal sealed record FrontStatus(ExperimentStanding Standing, IReadOnlyList<FrontPoint> History)
{
    public double? CostSpent => Standing.CostSpent;

    public HypervolumeMeasure? Hypervolume => Standing.Hypervolume;

    private bool SeveralFidelities => Standing.FidelitiesUsed.Count > 1;

    public static FrontStatus Of(LocatedExperiment located, ExperimentStanding standing)
    {
        var history = standing.Objectives.IsMultiObjective ? located.Store.GetFrontHistory(located.Record.Id) : [];
        return new FrontStatus(standing, history);
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

    public IEnumerable<string> Lines()
    {
        var budgetCost = Standing.Budget.Cost;
        if (CostSpent is { } cost && (SeveralFidelities || budgetCost is not null))
        {
            yield return budgetCost is { } budget
                ? $"cost spent: {TrialText.Number(cost)} / {TrialText.Number(budget)}"
                : $"cost spent: {TrialText.Number(cost)}";
        }

        if (SeveralFidelities && Standing.BestFidelity is { } fidelity)
        {
            yield return $"best compared at fidelity '{fidelity}' (the highest with a result)";
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
