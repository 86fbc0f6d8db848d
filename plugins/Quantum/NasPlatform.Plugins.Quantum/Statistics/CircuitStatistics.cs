using NasPlatform.Abstractions.Plugins;
using System.Collections.Concurrent;
using System.Globalization;
using NasPlatform.Plugins.Quantum.Circuits;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Plugins.Quantum.Statistics;

/// <summary>
/// Free statistics of a searched circuit: exact counts (params: trainable angles, a shared angle once;
/// two_qubit_gates; cnot_count: CNOTs after decomposing each two-qubit gate, 1 for CNOT and CZ, 2 for RZZ,
/// RXX and RYY; depth, the initial state's preparation included) and two sampled
/// descriptors over uniformly random angles in [0, 2π):
/// <list type="bullet">
/// <item><c>expressibility</c> (Sim, Johnson &amp; Aspuru-Guzik 2019): KL divergence of the histogram of
/// fidelities |⟨ψ(θ)|ψ(φ)⟩|² (75 bins) from the Haar distribution P(F) = (N−1)(1−F)^(N−2). Lower is more
/// expressive. Each of the M sampled states is paired with every other (M(M−1)/2 fidelities from M
/// simulations).</item>
/// <item><c>entangling_capability</c>: the mean Meyer–Wallach measure Q = 2(1 − (1/n) Σ_k Tr ρ_k²) of the
/// M states; 0 for product states.</item>
/// </list>
/// The angles come from a generator seeded by the candidate's hash, so a candidate's statistics never
/// change; results are cached per candidate and sample count in the plugin's cache, which the host bounds.
/// </summary>
public static class CircuitStatistics
{
    /// <summary>Sampled states per candidate unless a space says otherwise.</summary>
    public const int DefaultSamples = 48;

    /// <summary>Histogram bins of the expressibility estimate (as in Sim et al.).</summary>
    public const int Bins = 75;

    /// <summary>Beyond this much memory the sampled states are paired disjointly instead of all pairwise.</summary>
    private const long MaxStoredBytes = 64L << 20;

    /// <summary>The statistics of the circuit behind candidate <paramref name="candidateHash"/>, cached.</summary>
    /// <param name="cache">The plugin's cache (the host's, bounded; see <see cref="IComponentCache"/>).</param>
    /// <param name="candidateHash">The candidate's hash: seeds the sampled angles and keys the cache.</param>
    /// <param name="circuit">The candidate's circuit.</param>
    /// <param name="samples">Sampled states.</param>
    public static IReadOnlyDictionary<string, double> Compute(IComponentCache cache, string candidateHash, AnsatzCircuit circuit, int samples = DefaultSamples)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(candidateHash);
        ArgumentNullException.ThrowIfNull(circuit);
        return cache.GetOrAdd(Key(candidateHash, samples), () => Measure(circuit, samples, SeedOf(candidateHash)));
    }

    /// <summary>
    /// The statistics of a gate-level circuit (an excitation circuit: CNOT ladders, basis changes and RZ), cached
    /// like <see cref="Compute(IComponentCache, string, AnsatzCircuit, int)"/>: params is the parameter count, cnot_count the CNOT
    /// gates, depth and two_qubit_gates those of the gates as they are (the preparation included when the circuit
    /// holds it).
    /// </summary>
    public static IReadOnlyDictionary<string, double> Compute(IComponentCache cache, string candidateHash, Circuit circuit, int samples = DefaultSamples)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(candidateHash);
        ArgumentNullException.ThrowIfNull(circuit);
        return cache.GetOrAdd<IReadOnlyDictionary<string, double>>(Key(candidateHash, samples), () =>
        {
            var (expressibility, entanglement) = Sample(circuit, samples, new Random(SeedOf(candidateHash)));
            return new Dictionary<string, double>
            {
                ["params"] = circuit.ParameterCount,
                ["two_qubit_gates"] = circuit.TwoQubitGateCount,
                ["cnot_count"] = circuit.Ops.Count(op => op.Kind == GateKind.CNOT),
                ["depth"] = circuit.Depth,
                ["expressibility"] = expressibility,
                ["entangling_capability"] = entanglement,
            };
        });
    }

    private static string Key(string candidateHash, int samples) => $"circuit-statistics|{candidateHash}|{samples}";

    /// <summary>The names <see cref="Measure"/> returns, declared ahead.</summary>
    public static IReadOnlyList<string> Names { get; } = ["params", "two_qubit_gates", "cnot_count", "depth", "expressibility", "entangling_capability"];

    /// <summary>Computes the statistics without the cache.</summary>
    public static IReadOnlyDictionary<string, double> Measure(AnsatzCircuit circuit, int samples, int seed)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 2);
        var simulated = circuit.ToCircuit();
        var (expressibility, entanglement) = Sample(simulated, samples, new Random(seed));
        return new Dictionary<string, double>
        {
            ["params"] = circuit.ParameterCount,
            ["two_qubit_gates"] = circuit.TwoQubitGateCount,
            ["cnot_count"] = circuit.CnotCount,
            ["depth"] = circuit.Depth,
            ["expressibility"] = expressibility,
            ["entangling_capability"] = entanglement,
        };
    }

    /// <summary>The Meyer–Wallach measure of one state.</summary>
    public static double MeyerWallach(StateVector state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var n = state.NumQubits;
        var purities = 0.0;
        for (var qubit = 0; qubit < n; qubit++)
        {
            var mask = 1 << state.BitOf(qubit);
            double p0 = 0, p1 = 0, cRe = 0, cIm = 0;
            for (var i = 0; i < state.Length; i++)
            {
                if ((i & mask) != 0)
                {
                    continue;
                }

                var j = i | mask;
                double ar = state.Re[i], ai = state.Im[i], br = state.Re[j], bi = state.Im[j];
                p0 += ar * ar + ai * ai;
                p1 += br * br + bi * bi;
                // ρ_01 = Σ a b*.
                cRe += ar * br + ai * bi;
                cIm += ai * br - ar * bi;
            }

            purities += p0 * p0 + p1 * p1 + 2 * (cRe * cRe + cIm * cIm);
        }

        return Math.Max(0.0, 2.0 * (1.0 - purities / n));
    }

    /// <summary>KL(P ‖ P_Haar) of a fidelity histogram for a register of dimension <paramref name="dimension"/>.</summary>
    public static double KlFromHaar(IReadOnlyList<double> fidelities, double dimension)
    {
        ArgumentNullException.ThrowIfNull(fidelities);
        var counts = new int[Bins];
        foreach (var f in fidelities)
        {
            counts[Math.Clamp((int)(f * Bins), 0, Bins - 1)]++;
        }

        var kl = 0.0;
        for (var b = 0; b < Bins; b++)
        {
            if (counts[b] == 0)
            {
                continue;
            }

            var p = (double)counts[b] / fidelities.Count;
            kl += p * (Math.Log(p) - LogHaarBin(b, dimension));
        }

        return kl;
    }

    /// <summary>log of the Haar probability of bin b: (1−lo)^(N−1) − (1−hi)^(N−1), computed in log space.</summary>
    private static double LogHaarBin(int bin, double dimension)
    {
        var lo = (double)bin / Bins;
        var hi = (double)(bin + 1) / Bins;
        var power = dimension - 1;
        var logUpper = power * Math.Log(1 - lo);
        if (bin == Bins - 1)
        {
            return logUpper;
        }

        var ratio = Math.Exp(power * (Math.Log(1 - hi) - Math.Log(1 - lo)));
        return logUpper + Math.Log(1 - ratio);
    }

    private static (double Expressibility, double Entanglement) Sample(Circuit circuit, int samples, Random rng)
    {
        var plan = circuit.Fuse();
        var theta = new double[circuit.ParameterCount];
        var bytesPerState = 16L << circuit.NumQubits;
        var storeAll = bytesPerState * samples <= MaxStoredBytes;
        var states = new List<StateVector>();
        var fidelities = new List<double>();
        var entanglement = 0.0;
        StateVector? previous = null;
        for (var s = 0; s < samples; s++)
        {
            for (var p = 0; p < theta.Length; p++)
            {
                theta[p] = 2 * Math.PI * rng.NextDouble();
            }

            var state = new StateVector(circuit.NumQubits);
            plan.Apply(state, theta);
            entanglement += MeyerWallach(state);
            if (storeAll)
            {
                foreach (var other in states)
                {
                    fidelities.Add(state.Fidelity(other));
                }

                states.Add(state);
            }
            else if (previous is null)
            {
                previous = state;
            }
            else
            {
                fidelities.Add(state.Fidelity(previous));
                previous = null;
            }
        }

        return (KlFromHaar(fidelities, Math.Pow(2, circuit.NumQubits)), entanglement / samples);
    }

    private static int SeedOf(string hash) =>
        hash.Length >= 8 && int.TryParse(hash.AsSpan(0, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : StableHash(hash);

    // string.GetHashCode is randomized per process; statistics must not be.
    private static int StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return unchecked((int)hash);
    }
}
