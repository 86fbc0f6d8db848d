using System.Collections.Concurrent;
using NasPlatform.Abstractions.Evaluation;

namespace NasPlatform.Testing.Domains;

/// <summary>
/// Scores a bit string: "score" = sum of (i + 1) over the set bits i (so the all-ones string is
/// best), "zeros" = the number of clear bits. Records every evaluation and the peak concurrency.
/// </summary>
public sealed class BitStringEvaluator : IEvaluator
{
    private readonly ConcurrentQueue<string> _evaluated = new();
    private int _current;
    private int _peak;

    public IReadOnlyList<Fidelity> Fidelities { get; } = [new Fidelity("quick", 0.1), new Fidelity("full", 1.0)];

    /// <summary>How long each evaluation takes.</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.Zero;

    public Func<string, Behaviour> BehaviourOf { get; init; } = _ => Behaviour.Normal;

    /// <summary>Bit strings in the order their evaluations started (with the fidelity name).</summary>
    public IReadOnlyList<string> Evaluated => _evaluated.ToList();

    public int PeakConcurrency => Volatile.Read(ref _peak);

    public static double Score(string bits) => bits.Select((c, i) => c == '1' ? i + 1.0 : 0.0).Sum();

    public async Task<EvaluationResult> EvaluateAsync(EvaluationRequest request, IProgress<EvaluationProgress> progress, CancellationToken cancellationToken)
    {
        var bits = BitStringSpace.Bits(request.Candidate);
        _evaluated.Enqueue($"{bits}@{request.Fidelity.Name}");
        if (!Directory.Exists(request.WorkDirectory))
        {
            throw new InvalidOperationException($"work directory {request.WorkDirectory} does not exist");
        }

        var now = Interlocked.Increment(ref _current);
        InterlockedMax(ref _peak, now);
        try
        {
            progress.Report(new EvaluationProgress(0.5, "halfway"));
            switch (BehaviourOf(bits))
            {
                case Behaviour.Throw:
                    throw new InvalidOperationException($"cannot evaluate {bits}");
                case Behaviour.HangUntilCancelled:
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                    break;
                case Behaviour.HangIgnoringCancellation:
                    await Task.Delay(TimeSpan.FromSeconds(3), CancellationToken.None);
                    break;
            }

            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay, cancellationToken);
            }

            var score = BehaviourOf(bits) == Behaviour.ReturnNaN ? double.NaN : Score(bits) * request.Fidelity.Cost;
            // A file of the trial's own, so tests can check that every stored artifact path holds its trial's bytes.
            var file = Path.Combine(request.WorkDirectory, "bits.txt");
            await File.WriteAllTextAsync(file, bits, cancellationToken);
            return new EvaluationResult(new Dictionary<string, double> { ["score"] = score, ["zeros"] = bits.Count(c => c == '0') }, [new Artifact("bits", file)]);
        }
        finally
        {
            Interlocked.Decrement(ref _current);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
