using NasPlatform.Abstractions.Evaluation;

namespace NasPlatform.Engine.Running;

/// <summary>
/// The default dispatcher: evaluates in this process, on <see cref="Slots"/> worker threads, with
/// the experiment's evaluator.
/// </summary>
public sealed class LocalEvaluationDispatcher : IEvaluationDispatcher
{
    private readonly IEvaluator _evaluator;
    private readonly TimeSpan _cancellationGrace;

    /// <param name="evaluator">The experiment's evaluator; it must be safe for concurrent calls.</param>
    /// <param name="workers">Parallel evaluations.</param>
    /// <param name="cancellationGrace">How long a cancelled evaluation may take to stop before the trial ends without it.</param>
    public LocalEvaluationDispatcher(IEvaluator evaluator, int workers, TimeSpan cancellationGrace)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        _evaluator = evaluator ?? throw new ArgumentNullException(nameof(evaluator));
        Slots = workers;
        _cancellationGrace = cancellationGrace;
    }

    public int Slots { get; }

    public bool CanPrune => true;

    public string DescribeSlot(int slot) => $"{Environment.MachineName}:{Environment.ProcessId}/{slot}";

    public Task<EvaluationOutcome> EvaluateAsync(TrialDispatch dispatch, int slot, IProgress<EvaluationProgress> progress, CancellationToken shutdown) =>
        TrialExecution.RunAsync(_evaluator, dispatch.Request, dispatch.Timeout, _cancellationGrace, progress, shutdown, dispatch.Prune);
}
