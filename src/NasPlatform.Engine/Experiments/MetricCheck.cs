using NasPlatform.Abstractions;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Spaces;
using NasPlatform.Engine.Schemas;

namespace NasPlatform.Engine.Experiments;

/// <summary>
/// Refuses, before anything is evaluated or stored, an objective or constraint that names a quantity
/// neither the evaluator declares (<see cref="IEvaluator.Metrics"/>) nor the space computes for free:
/// a typo must cost no budget. Evaluators that declare nothing are checked on their first result instead.
/// </summary>
internal static class MetricCheck
{
    public static void Check(ExperimentSpec spec, ISearchSpace space, IEvaluator evaluator)
    {
        var declared = evaluator.Metrics;
        if (declared.Count == 0)
            return;
        var wanted = spec.Objectives.Select((o, i) => (Name: o.Metric, Path: $"$.objectives[{i}].metric"))
            .Concat(spec.Constraints.Select((c, i) => (Name: c.Quantity, Path: $"$.constraints[{i}]")))
            .Where(w => !declared.Contains(w.Name, StringComparer.Ordinal))
            .ToList();
        if (wanted.Count == 0 || FreeStatisticNames(spec, space) is not { } free)
            return;
        var known = declared.Concat(free).Distinct(StringComparer.Ordinal).ToList();
        foreach (var (name, path) in wanted.Where(w => !free.Contains(w.Name)))
        {
            var nearest = NearestName.Find(name, known, k => [k]);
            var hint = nearest is null ? string.Empty : $"did you mean '{nearest}'? ";
            var position = SourcePosition.Of(spec.Document.SelectToken(path));
            var message = $"'{name}' is neither a metric evaluator '{spec.Evaluator.Name}' returns nor a free statistic of search space '{spec.SearchSpace.Name}'; {hint}" +
                $"metrics: {string.Join(", ", declared)}; free statistics: {(free.Count == 0 ? "none" : string.Join(", ", free))}. Nothing was evaluated.";
            throw new NasConfigurationException(new SchemaProblem(path, position?.Line, position?.Column, message).Format(spec.SourceFile ?? spec.Name));
        }
    }

    // The names a sampled candidate's free statistics carry; null when the space cannot sample here
    // (then nothing is refused: a wrong refusal would cost more than the first trial).
    private static IReadOnlyList<string>? FreeStatisticNames(ExperimentSpec spec, ISearchSpace space)
    {
        try
        {
            return space.FreeStatistics(space.Sample(new Random(spec.Seed))).Keys.Order(StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }
}
