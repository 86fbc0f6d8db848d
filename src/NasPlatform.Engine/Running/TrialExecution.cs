using System.Globalization;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Engine.Storage;

namespace NasPlatform.Engine.Running;

/// <summary>How one evaluation ended.</summary>
/// <param name="Trial">The running trial.</param>
/// <param name="Result">The evaluator's result when it returned in time; null otherwise.</param>
/// <param name="Error">Why the evaluation failed (exception, timeout); null when it returned.</param>
/// <param name="Interrupted">The run was cancelled before the evaluation returned: the trial goes back to pending.</param>
internal sealed record TrialResult(TrialRecord Trial, EvaluationResult? Result, string? Error, bool Interrupted);

/// <summary>Runs one evaluation on a worker, with the per-trial timeout and the run's cancellation.</summary>
internal static class TrialExecution
{
    /// <summary>Never throws: every ending becomes a <see cref="TrialResult"/>.</summary>
    public static async Task<TrialResult> RunAsync(
        IEvaluator evaluator,
        TrialRecord trial,
        EvaluationRequest request,
        TimeSpan? timeout,
        TimeSpan cancellationGrace,
        IRunObserver observer,
        CancellationToken shutdown)
    {
        using var trialCancellation = CancellationTokenSource.CreateLinkedTokenSource(shutdown);
        if (timeout is { } limit)
        {
            trialCancellation.CancelAfter(limit);
        }

        var progress = new ProgressRelay(trial.Number, observer);
        // A thread of its own for the evaluator's synchronous part: CPU-bound evaluators then really
        // run N at once, and a coordinator busy resampling cannot starve them on the thread pool.
        var evaluation = Task.Factory.StartNew(
            () => evaluator.EvaluateAsync(request, progress, trialCancellation.Token),
            CancellationToken.None,
            TaskCreationOptions.LongRunning | TaskCreationOptions.DenyChildAttach,
            TaskScheduler.Default).Unwrap();
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (trialCancellation.Token.Register(() => cancelled.TrySetResult()).ConfigureAwait(false))
        {
            var first = await Task.WhenAny(evaluation, cancelled.Task).ConfigureAwait(false);
            if (first == evaluation && evaluation.IsCompletedSuccessfully)
            {
                progress.Close();
                return new TrialResult(trial, evaluation.Result, null, false);
            }

            if (first != evaluation)
            {
                // Give a cooperative evaluator a moment to release what it holds; one that ignores
                // its token is left behind, and the trial ends without it.
                await Task.WhenAny(evaluation, Task.Delay(cancellationGrace, CancellationToken.None)).ConfigureAwait(false);
            }
        }

        progress.Close();
        if (!evaluation.IsCompleted)
        {
            // Observe the abandoned evaluation's eventual exception so it is not reported as unobserved.
            _ = evaluation.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }

        if (trialCancellation.IsCancellationRequested)
        {
            return shutdown.IsCancellationRequested
                ? new TrialResult(trial, null, null, true)
                : new TrialResult(trial, null, string.Create(CultureInfo.InvariantCulture, $"timed out after {timeout!.Value.TotalSeconds:R} s (the experiment's trial timeout)"), false);
        }

        return new TrialResult(trial, null, Describe(evaluation.Exception?.InnerException ?? new TaskCanceledException(evaluation)), false);
    }

    private static string Describe(Exception exception) => $"{exception.GetType().Name}: {exception.Message}";

    /// <summary>Forwards an evaluator's progress to the observer until the trial ends.</summary>
    private sealed class ProgressRelay(int number, IRunObserver observer) : IProgress<EvaluationProgress>
    {
        private volatile bool _closed;

        public void Report(EvaluationProgress value)
        {
            if (!_closed)
            {
                observer.TrialProgress(number, value);
            }
        }

        public void Close() => _closed = true;
    }
}
