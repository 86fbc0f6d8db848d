using NasPlatform.Abstractions;
using NasPlatform.Abstractions.Objectives;
using NasPlatform.Engine.Schemas;
using NasPlatform.Search.Pruners;

namespace NasPlatform.Engine.Experiments;

/// <summary>
/// The experiment file's <c>"pruner"</c>: which rule stops poor trials early, on which objective's
/// intermediate values (the evaluator reports them with <c>EvaluationProgress.Step</c>).
/// </summary>
/// <param name="Name">The rule; one of <see cref="Known"/> except "none", which the file may name and which is read as no pruner.</param>
/// <param name="Metric">The objective metric whose intermediate values are compared; its objective's direction says which way is better.</param>
/// <param name="StartupTrials">No trial is pruned until this many completed.</param>
/// <param name="WarmupSteps">Steps below this are never judged.</param>
/// <param name="Interval">Judged every this many steps from the warm-up on.</param>
public sealed record PrunerSpec(string Name, string Metric, int StartupTrials = 5, int WarmupSteps = 0, int Interval = 1)
{
    /// <summary>The name that turns pruning off.</summary>
    public const string None = "none";

    /// <summary>The names an experiment file may give.</summary>
    public static IReadOnlyList<string> Known { get; } = [MedianPruner.PrunerName, None];

    /// <summary>
    /// The refusal of a run whose evaluations go where no pruner can stop them (a cluster run): a pruner is
    /// never silently ignored. Points at the file's <c>"pruner"</c>, for exit code 2 before anything runs.
    /// </summary>
    public static NasConfigurationException Unsupported(ExperimentSpec spec, string where)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var position = SourcePosition.Of(spec.Document.SelectToken("$.pruner"));
        var message = $"pruner '{spec.Pruner?.Name}' cannot stop trials evaluated by {where}: pruning needs each epoch's values as the evaluator reports them, " +
                      "which only a local run (`nas run FILE` without --cluster) forwards. Remove \"pruner\" (or set its \"name\" to \"none\") to run there. Nothing was evaluated.";
        return new NasConfigurationException(new SchemaProblem("$.pruner", position?.Line, position?.Column, message).Format(spec.SourceFile ?? spec.Name));
    }

    /// <summary>The rule, for the objective of <see cref="Metric"/> among <paramref name="objectives"/>.</summary>
    public IPruner Create(IReadOnlyList<Objective> objectives)
    {
        ArgumentNullException.ThrowIfNull(objectives);
        var objective = objectives.FirstOrDefault(o => o.Metric == Metric)
            ?? throw new InvalidOperationException($"pruner metric '{Metric}' is not an objective; the experiment file check refuses that");
        return Name switch
        {
            MedianPruner.PrunerName => new MedianPruner(objective.Direction, StartupTrials, WarmupSteps, Interval),
            _ => throw new InvalidOperationException($"unknown pruner '{Name}'; the experiment file check refuses that"),
        };
    }
}
