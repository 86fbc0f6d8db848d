using NasPlatform.Abstractions.Evaluation;

namespace NasPlatform.Engine.Running;

/// <summary>One trial's evaluation as the runner hands it to a dispatcher.</summary>
/// <param name="Number">The trial's number in its experiment; a dispatcher keys its work by it.</param>
/// <param name="Request">Candidate, fidelity, seed and the trial's work directory (on the coordinator's machine).</param>
/// <param name="Timeout">The experiment's per-trial wall-clock limit; null for none.</param>
public sealed record TrialDispatch(int Number, EvaluationRequest Request, TimeSpan? Timeout)
{
    /// <summary>
    /// Fires when the experiment's pruner stops the trial on the intermediate values it reported: a
    /// dispatcher that can prune (<see cref="IEvaluationDispatcher.CanPrune"/>) cancels the evaluation and
    /// returns <see cref="EvaluationOutcome.PrunedEarly"/>. Never fires without a pruner.
    /// </summary>
    public CancellationToken Prune { get; init; }
}
