using NasPlatform.Abstractions.Evaluation;

namespace NasPlatform.Engine.Running;

/// <summary>How one evaluation ended.</summary>
/// <param name="Result">The evaluator's result when it returned in time; null otherwise.</param>
/// <param name="Error">Why the evaluation failed (exception, timeout); null when it returned.</param>
/// <param name="Interrupted">The run stopped before the evaluation returned: the trial goes back to pending.</param>
/// <param name="Worker">Who evaluated it, when the dispatcher learns that only from the evaluation (a cluster worker's id);
/// recorded in place of the slot the trial started on. Null keeps the slot.</param>
public sealed record EvaluationOutcome(EvaluationResult? Result, string? Error, bool Interrupted, string? Worker = null)
{
    /// <summary>The run stopped before the evaluation returned.</summary>
    public static EvaluationOutcome Stopped { get; } = new(null, null, true);

    /// <summary>The run's pruner stopped the evaluation (<see cref="TrialDispatch.Prune"/>) before it returned.</summary>
    public static EvaluationOutcome PrunedEarly { get; } = new(null, null, false) { Pruned = true };

    /// <summary>The evaluation was cancelled by the run's pruner: the trial is recorded as pruned.</summary>
    public bool Pruned { get; init; }
}
