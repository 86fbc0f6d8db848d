using NasPlatform.Abstractions.Objectives;

namespace NasPlatform.Search.Results;

/// <summary>
/// Objectives may name a free statistic of the search space (accuracy vs params, where params
/// costs no training): when the evaluator does not return a metric of that name, the trial's
/// metrics take the free statistic's value, so everything that reads metrics (fronts, strategies,
/// status, export) sees the objective. A metric the evaluator returns always wins.
/// </summary>
public static class ObjectiveMetrics
{
    /// <summary>The metrics, completed with free statistics for objectives the evaluator did not return.</summary>
    public static IReadOnlyDictionary<string, double> Complete(
        IReadOnlyDictionary<string, double> metrics,
        IReadOnlyDictionary<string, double> freeStatistics,
        ObjectiveSet objectives)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(freeStatistics);
        ArgumentNullException.ThrowIfNull(objectives);
        var missing = objectives.Objectives
            .Where(o => !metrics.ContainsKey(o.Metric) && freeStatistics.ContainsKey(o.Metric))
            .ToList();
        if (missing.Count == 0)
        {
            return metrics;
        }

        var completed = new Dictionary<string, double>(metrics, StringComparer.Ordinal);
        foreach (var objective in missing)
        {
            completed[objective.Metric] = freeStatistics[objective.Metric];
        }

        return completed;
    }
}
