using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Engine.Storage;

namespace NasPlatform.Engine.Running;

/// <summary>
/// Watches a run, for a live display or a log. Every method has an empty default, so an observer
/// implements only what it shows. <see cref="TrialProgress"/> may be called from any worker
/// thread; the other methods come from the runner's coordinating flow, one at a time.
/// An exception thrown by an observer stops the run.
/// </summary>
public interface IRunObserver
{
    /// <summary>The run (or resumed run) starts; <paramref name="summary"/> counts trials from earlier sessions.</summary>
    void RunStarted(RunSummary summary)
    {
    }

    /// <summary>A trial was handed to a worker.</summary>
    void TrialStarted(TrialRecord trial)
    {
    }

    /// <summary>A running trial's evaluator reported progress. Called from worker threads.</summary>
    void TrialProgress(int number, EvaluationProgress progress)
    {
    }

    /// <summary>A trial finished (completed, failed or pruned) and was told to the strategy.</summary>
    void TrialFinished(TrialRecord trial, RunSummary summary)
    {
    }

    /// <summary>A proposal was resampled without spending budget.</summary>
    void CandidateRejected(CandidateRejection rejection)
    {
    }

    /// <summary>
    /// The strategy says what it is doing between trials (<see cref="Abstractions.Search.StrategyContext.Status"/>):
    /// a display shows it until the next trial starts. Called from the thread that asks the strategy.
    /// </summary>
    void StrategyStatus(string message)
    {
    }

    /// <summary>Something the user should know that does not stop the run.</summary>
    void Warning(string message)
    {
    }
}
