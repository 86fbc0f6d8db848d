using NasPlatform.Abstractions.Evaluation;

namespace NasPlatform.Distributed.Worker;

/// <summary>
/// Keeps only an evaluation's latest progress report until the next heartbeat takes it: the coordinator's console
/// wants where a trial is now, and a heartbeat every quarter lease is all the traffic a report should cost.
/// </summary>
internal sealed class LatestProgress : IProgress<EvaluationProgress>
{
    private EvaluationProgress? _latest;

    public void Report(EvaluationProgress value) => Volatile.Write(ref _latest, value);

    /// <summary>The latest report not taken yet, or null.</summary>
    public EvaluationProgress? Take() => Interlocked.Exchange(ref _latest, null);
}
