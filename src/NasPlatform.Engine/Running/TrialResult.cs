using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Engine.Storage;

namespace NasPlatform.Engine.Running;

/// <summary>How one trial's evaluation ended, with the trial it belongs to.</summary>
/// <param name="Trial">The running trial.</param>
/// <param name="Result">The evaluator's result when it returned in time; null otherwise.</param>
/// <param name="Error">Why the evaluation failed (exception, timeout); null when it returned.</param>
/// <param name="Interrupted">The run was cancelled before the evaluation returned: the trial goes back to pending.</param>
/// <param name="Worker">Who evaluated it, when the dispatcher learned that only at the end (<see cref="EvaluationOutcome.Worker"/>).</param>
internal sealed record TrialResult(TrialRecord Trial, EvaluationResult? Result, string? Error, bool Interrupted, string? Worker = null)
{
    /// <summary>The run's pruner cancelled the evaluation (<see cref="EvaluationOutcome.Pruned"/>).</summary>
    public bool Pruned { get; init; }
}
