using NasPlatform.Abstractions;
using NasPlatform.Search.Results;
using System.Globalization;
using NasPlatform.Abstractions.Objectives;
using NasPlatform.Abstractions.Search;
using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Results;
using NasPlatform.Search.Pruners;

namespace NasPlatform.Engine.Running;

/// <summary>What a finished evaluation amounts to: the state, metrics and feasibility to store.</summary>
internal sealed record TrialVerdict(
    TrialState State,
    IReadOnlyDictionary<string, double> Metrics,
    bool Feasible,
    string? Error,
    NasConfigurationException? ConfigurationError)
{
    private static readonly IReadOnlyDictionary<string, double> NoMetrics = new Dictionary<string, double>().AsReadOnly();

    public static TrialVerdict Judge(TrialResult result, ExperimentSpec spec, ObjectiveSet objectives, ProposalSource proposals)
    {
        if (result.Result is null)
        {
            return Failed(result.Error ?? "the evaluation ended without a result");
        }

        var metrics = result.Result.Metrics;
        var nonFinite = metrics.Where(m => !double.IsFinite(m.Value)).ToList();
        if (nonFinite.Count > 0)
        {
            return Failed("the evaluator returned non-finite metrics: "
                + string.Join(", ", nonFinite.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Key} = {m.Value}"))));
        }

        var returned = metrics.Count == 0 ? "none" : string.Join(", ", metrics.Keys.Select(k => $"'{k}'"));
        metrics = ObjectiveMetrics.Complete(metrics, result.Trial.FreeStatistics, objectives);
        var missingObjective = objectives.Objectives.FirstOrDefault(o => !metrics.ContainsKey(o.Metric));
        if (missingObjective is not null)
        {
            return ConfigurationProblem(
                $"Experiment '{spec.Name}': objective '{missingObjective}' needs the metric '{missingObjective.Metric}', but evaluator '{spec.Evaluator.Name}' returned {returned} and the search space's free statistics are {Names(result.Trial.FreeStatistics)}. Fix the objective's \"metric\" in the experiment file.");
        }

        var freeStatistics = result.Trial.FreeStatistics;
        var feasible = true;
        var onFreeStatistics = proposals.FreeStatisticConstraints(freeStatistics).ToHashSet();
        foreach (var constraint in spec.Constraints.Where(c => !onFreeStatistics.Contains(c)))
        {
            if (!metrics.TryGetValue(constraint.Quantity, out var value))
            {
                var free = Names(freeStatistics);
                return ConfigurationProblem(
                    $"Experiment '{spec.Name}': constraint '{constraint}' names '{constraint.Quantity}', which is neither a free statistic of the search space (it has {free}) nor a metric evaluator '{spec.Evaluator.Name}' returned ({returned}). Fix the constraint in the experiment file.");
            }

            feasible &= constraint.IsSatisfiedBy(value);
        }

        return new TrialVerdict(TrialState.Completed, metrics, feasible, null, null);
    }

    /// <summary>
    /// A trial the pruner stopped: its last intermediate values stand as its metrics (partial, never a final
    /// result: fronts, predictors and strategies use completed trials only) and the pruner's reason as its error.
    /// </summary>
    public static TrialVerdict PrunedEarly(PruneDecision decision, IReadOnlyDictionary<string, double> lastValues) =>
        new(TrialState.Pruned, lastValues, true, decision.Reason, null);

    private static string Names(IReadOnlyDictionary<string, double> values) =>
        values.Count == 0 ? "none" : string.Join(", ", values.Keys.Select(k => $"'{k}'"));

    private static TrialVerdict Failed(string error) => new(TrialState.Failed, NoMetrics, true, error, null);

    private static TrialVerdict ConfigurationProblem(string message) =>
        new(TrialState.Failed, NoMetrics, true, message, new NasConfigurationException(message));
}
