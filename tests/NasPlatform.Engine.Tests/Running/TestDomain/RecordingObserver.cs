using System.Collections.Concurrent;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Engine.Running;
using NasPlatform.Engine.Storage;

namespace NasPlatform.Engine.Tests.Running.TestDomain;

/// <summary>Keeps what a run reports; optional hooks let a test act at a given moment (e.g. cancel).</summary>
public sealed class RecordingObserver : IRunObserver
{
    public List<RunSummary> Started { get; } = [];

    public List<TrialRecord> TrialsStarted { get; } = [];

    public List<(TrialRecord Trial, RunSummary Summary)> TrialsFinished { get; } = [];

    public ConcurrentQueue<(int Number, EvaluationProgress Progress)> Progress { get; } = new();

    public List<CandidateRejection> Rejections { get; } = [];

    /// <summary>What the strategy said it was doing, with how many trials had started by then.</summary>
    public List<(string Message, int TrialsStarted)> Statuses { get; } = [];

    public Action<TrialRecord>? OnTrialStarted { get; init; }

    public Action<TrialRecord>? OnTrialFinished { get; init; }

    public Action<string>? OnWarning { get; init; }

    public void Warning(string message) => OnWarning?.Invoke(message);

    public void RunStarted(RunSummary summary) => Started.Add(summary);

    public void TrialStarted(TrialRecord trial)
    {
        TrialsStarted.Add(trial);
        OnTrialStarted?.Invoke(trial);
    }

    public void TrialProgress(int number, EvaluationProgress progress) => Progress.Enqueue((number, progress));

    public void TrialFinished(TrialRecord trial, RunSummary summary)
    {
        TrialsFinished.Add((trial, summary));
        OnTrialFinished?.Invoke(trial);
    }

    public void CandidateRejected(CandidateRejection rejection) => Rejections.Add(rejection);

    public void StrategyStatus(string message) => Statuses.Add((message, TrialsStarted.Count));
}
