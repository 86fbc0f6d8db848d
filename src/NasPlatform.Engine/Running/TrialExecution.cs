using System.Globalization;
using NasPlatform.Abstractions.Evaluation;

namespace NasPlatform.Engine.Running;

/// <summary>
/// Runs one evaluation on a thread of its own, with the per-trial timeout and the run's
/// cancellation: what a local slot and a cluster worker's slot both do. A pruner's signal cancels the
/// evaluation too, but ends it as pruned, not failed or interrupted.
/// </summary>
public static class TrialExecution
{
    /// <summary>Never throws: every ending becomes an <see cref="EvaluationOutcome"/>.</summary>
    public static async Task<EvaluationOutcome> RunAsync(
        IEvaluator evaluator,
        EvaluationRequest request,
        TimeSpan? timeout,
        TimeSpan cancellationGrace,
        IProgress<EvaluationProgress> progress,
        CancellationToken shutdown,
        CancellationToken prune = default)
    {
        using var trialCancellation = CancellationTokenSource.CreateLinkedTokenSource(shutdown, prune);
        if (timeout is { } limit)
        {
            trialCancellation.CancelAfter(limit);
        }

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
                return new EvaluationOutcome(evaluation.Result, null, false);
            }

            if (first != evaluation)
            {
                // Give a cooperative evaluator a moment to release what it holds; one that ignores
                // its token is left behind, and the trial ends without it.
                await Task.WhenAny(evaluation, Task.Delay(cancellationGrace, CancellationToken.None)).ConfigureAwait(false);
            }
        }

        if (!evaluation.IsCompleted)
        {
            // Observe the abandoned evaluation's eventual exception so it is not reported as unobserved.
            _ = evaluation.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }

        if (trialCancellation.IsCancellationRequested)
        {
            if (shutdown.IsCancellationRequested)
            {
                return EvaluationOutcome.Stopped;
            }

            return prune.IsCancellationRequested
                ? EvaluationOutcome.PrunedEarly
                : new EvaluationOutcome(null, string.Create(CultureInfo.InvariantCulture, $"timed out after {timeout!.Value.TotalSeconds:R} s (the experiment's trial timeout)"), false);
        }

        return new EvaluationOutcome(null, Describe(evaluation.Exception?.InnerException ?? new TaskCanceledException(evaluation)), false);
    }

    private static string Describe(Exception exception) => $"{exception.GetType().Name}: {exception.Message}";
}
