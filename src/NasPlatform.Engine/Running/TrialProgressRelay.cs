using NasPlatform.Abstractions.Evaluation;

namespace NasPlatform.Engine.Running;

/// <summary>Forwards an evaluator's progress to the observer and the pruning until the trial ends.</summary>
internal sealed class TrialProgressRelay(int number, IRunObserver observer, TrialPruning pruning) : IProgress<EvaluationProgress>
{
    private volatile bool _closed;

    public void Report(EvaluationProgress value)
    {
        if (!_closed)
        {
            observer.TrialProgress(number, value);
            pruning.Report(number, value);
        }
    }

    public void Close() => _closed = true;
}
