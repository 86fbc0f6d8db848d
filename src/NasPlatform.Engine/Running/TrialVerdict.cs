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

    /// <summary>Judges a finished evaluation; <paramref name="declared"/> are the metrics the evaluator declares (empty: undeclared).</summary>
    public static TrialVerdict Judge(TrialResult result, ExperimentSpec spec, ObjectiveSet objectives, IReadOnlyList<string> declared)
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
            return ConfigurationProblem(spec, result, declared, missingObjective.Metric,
                $"objective '{missingObjective}' needs the metric '{missingObjective.Metric}', but evaluator '{spec.Evaluator.Name}' returned {returned} and the search space's free statistics are {Names(result.Trial.FreeStatistics)}", "the objective's \"metric\"");
        }

        var freeStatistics = result.Trial.FreeStatistics;
        var feasible = true;
        foreach (var constraint in spec.Constraints)
        {
            // A constraint on a free statistic was met when the trial was proposed; judging it again here keeps a
            // trial proposed before the constraints changed (allowed while nothing was judged) honest.
            if (freeStatistics.TryGetValue(constraint.Quantity, out var statistic))
            {
                feasible &= constraint.IsSatisfiedBy(statistic);
                continue;
            }

            if (!metrics.TryGetValue(constraint.Quantity, out var value))
            {
                return ConfigurationProblem(spec, result, declared, constraint.Quantity,
                    $"constraint '{constraint}' names '{constraint.Quantity}', which is neither a free statistic of the search space (it has {Names(freeStatistics)}) nor a metric evaluator '{spec.Evaluator.Name}' returned ({returned})", "the constraint");
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

    // Not the candidate's fault: the trial is not judged or counted, and the run stops with what to fix and how to go on.
    private static TrialVerdict ConfigurationProblem(ExperimentSpec spec, TrialResult result, IReadOnlyList<string> declared, string metric, string problem, string place)
    {
        var fix = declared.Contains(metric, StringComparer.Ordinal)
            ? $"Evaluator '{spec.Evaluator.Name}' declares the metric '{metric}' but did not return it: a fault of the evaluator (or its options), not of the candidate. Fix the evaluator, or {place} in the experiment file"
            : $"Fix {place} in the experiment file";
        var message = $"Experiment '{spec.Name}', trial {result.Trial.Number}: {problem}. {fix}. " +
                      $"Trial {result.Trial.Number} was not counted against the budget and waits, pending, in the store; after the fix `{spec.ResumeCommand}` evaluates it and goes on " +
                      "(objectives and constraints may still change while no trial has finished).";
        return new(TrialState.Failed, NoMetrics, true, message, new NasConfigurationException(message));
    }
}
