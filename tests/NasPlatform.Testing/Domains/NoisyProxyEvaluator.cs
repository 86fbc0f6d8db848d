using NasPlatform.Search;
using System.Collections.Concurrent;
using NasPlatform.Abstractions.Evaluation;

namespace NasPlatform.Testing.Domains;

/// <summary>
/// A multi-fidelity test domain on <see cref="BitStringSpace"/> with a known ground truth: the
/// full fidelity returns the true score (the sum of i + 1 over the set bits, as
/// <see cref="BitStringEvaluator.Score"/>); cheaper fidelities return it lowered by a bias and
/// disturbed by Gaussian noise that shrinks as the fidelity rises (like training for fewer
/// epochs). The noise is a function of the candidate and the fidelity, so every evaluation of
/// the same pair returns the same value, on any thread.
/// </summary>
public sealed class NoisyProxyEvaluator : IEvaluator
{
    private readonly ConcurrentQueue<string> _evaluated = new();

    public NoisyProxyEvaluator(double lowNoise = 8, double midNoise = 3)
    {
        Fidelities =
        [
            new Fidelity("epoch-1", 1.0 / 9, new Dictionary<string, double> { ["noise"] = lowNoise, ["bias"] = 20 }),
            new Fidelity("epoch-3", 1.0 / 3, new Dictionary<string, double> { ["noise"] = midNoise, ["bias"] = 8 }),
            new Fidelity("full", 1.0, new Dictionary<string, double> { ["noise"] = 0, ["bias"] = 0 }),
        ];
    }

    public IReadOnlyList<Fidelity> Fidelities { get; }

    /// <summary>"bits@fidelity" of every evaluation, in the order they started.</summary>
    public IReadOnlyList<string> Evaluated => _evaluated.ToList();

    public static double Truth(string bits) => BitStringEvaluator.Score(bits);

    public double Measure(string bits, string fidelity)
    {
        var level = Fidelities.Single(f => f.Name == fidelity);
        var noise = level.Settings["noise"];
        if (noise == 0)
        {
            return Truth(bits);
        }

        var rng = new Random(SeedSequence.Derive(StableHash(bits), StableHash(fidelity)));
        // Box-Muller: one standard normal from two uniforms.
        var gaussian = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        return Truth(bits) - level.Settings["bias"] + noise * gaussian;
    }

    public Task<EvaluationResult> EvaluateAsync(EvaluationRequest request, IProgress<EvaluationProgress> progress, CancellationToken cancellationToken)
    {
        var bits = BitStringSpace.Bits(request.Candidate);
        _evaluated.Enqueue($"{bits}@{request.Fidelity.Name}");
        return Task.FromResult(new EvaluationResult(new Dictionary<string, double> { ["score"] = Measure(bits, request.Fidelity.Name) }));
    }

    private static int StableHash(string text)
    {
        // string.GetHashCode is randomized per process; FNV-1a is not.
        unchecked
        {
            var hash = (int)2166136261;
            foreach (var c in text)
            {
                hash = (hash ^ c) * 16777619;
            }

            return hash;
        }
    }
}
