using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Testing.Domains;

namespace NasPlatform.Engine.Tests.Running.TestDomain;

/// <summary>
/// "Trains" a bit string for <see cref="Steps"/> epochs: after epoch s it reports "score" = quality x s / Steps
/// with <see cref="EvaluationProgress.Step"/> s, where quality is <see cref="BitStringEvaluator.Score"/>; so a
/// trial's rank among others is the same at every step. Stops at its token between epochs, as trainers do.
/// </summary>
public sealed class SteppedEvaluator : IEvaluator
{
    private int _completed;

    public IReadOnlyList<Fidelity> Fidelities { get; } = [new Fidelity("full", 1.0)];

    public int Steps { get; init; } = 4;

    /// <summary>Evaluations that ran to their last epoch.</summary>
    public int Completed => Volatile.Read(ref _completed);

    public async Task<EvaluationResult> EvaluateAsync(EvaluationRequest request, IProgress<EvaluationProgress> progress, CancellationToken cancellationToken)
    {
        var quality = BitStringEvaluator.Score(BitStringSpace.Bits(request.Candidate));
        for (var step = 1; step <= Steps; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            progress.Report(new EvaluationProgress(step / (double)Steps, $"epoch {step}/{Steps}", new Dictionary<string, double> { ["score"] = quality * step / Steps, ["loss"] = 1.0 / step })
            {
                Step = step,
            });
        }

        cancellationToken.ThrowIfCancellationRequested();
        Interlocked.Increment(ref _completed);
        return new EvaluationResult(new Dictionary<string, double> { ["score"] = quality, ["loss"] = 1.0 / Steps }, []);
    }
}
