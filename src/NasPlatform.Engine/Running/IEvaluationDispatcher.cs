using NasPlatform.Abstractions.Evaluation;

namespace NasPlatform.Engine.Running;

/// <summary>
/// Hands the evaluations of trials to whatever runs them: the in-process worker pool
/// (<see cref="LocalEvaluationDispatcher"/>, the default) or a cluster of workers. The runner does
/// not know which: it records trials, starts at most <see cref="Slots"/> evaluations at once,
/// and records each outcome; only the coordinator writes the store.
/// </summary>
public interface IEvaluationDispatcher
{
    /// <summary>How many evaluations may run at once; the runner never starts more.</summary>
    int Slots { get; }

    /// <summary>
    /// Whether <see cref="EvaluateAsync"/> forwards the evaluator's stepped progress and honours
    /// <see cref="TrialDispatch.Prune"/>; a run with a pruner refuses a dispatcher that does not, before
    /// anything is evaluated, rather than ignore its pruner.
    /// </summary>
    bool CanPrune => false;

    /// <summary>Names a slot for the store's record of where a trial ran (e.g. "host:pid/2").</summary>
    string DescribeSlot(int slot);

    /// <summary>
    /// Evaluates one trial on <paramref name="slot"/>. Never throws: an evaluator's exception or a
    /// timeout becomes <see cref="EvaluationOutcome.Error"/>, and <paramref name="shutdown"/> firing
    /// before the evaluation returned makes it <see cref="EvaluationOutcome.Interrupted"/>.
    /// </summary>
    /// <param name="dispatch">The trial, its request and its timeout.</param>
    /// <param name="slot">The slot it runs on, from 0 to <see cref="Slots"/> - 1; no other trial holds it meanwhile.</param>
    /// <param name="progress">Receives the evaluator's progress (a dispatcher may not forward any).</param>
    /// <param name="shutdown">Fires when the run stops.</param>
    Task<EvaluationOutcome> EvaluateAsync(TrialDispatch dispatch, int slot, IProgress<EvaluationProgress> progress, CancellationToken shutdown);
}
