using System.Numerics;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Quantum.Simulator.Benchmarks;

/// <summary>
/// RX on every target qubit against the memory floor of the same state: the mean over targets (what a circuit
/// sees) and the worst target (issue 20: the most significant qubit was 2.9× the others above 24 qubits).
/// </summary>
internal static class GateSection
{
    public static void Print(int[] qubits, int repeats, bool perTarget, Precision[] precisions, double yardstickMs)
    {
        Console.WriteLine("## RX per gate vs. the memory floor (one thread)");
        Console.WriteLine($"yardstick = one in-place pass over a 24-qubit complex128 state = {yardstickMs:F2} ms (measured at the start of this run).");
        Console.WriteLine("floor = one in-place read+write pass over the same state (every amplitude × 1.0), timed in the same run; " +
            "ratio = time / floor; every figure is the best of the repeats.");
        Console.WriteLine();
        Console.WriteLine("| qubits | precision | state MiB | same-size floor ms | floor GB/s | RX mean ms | mean / floor | mean / yardstick | worst target | worst ms | worst / floor | worst / best |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var details = new List<string>();
        foreach (var n in qubits)
        {
            foreach (var precision in precisions)
            {
                // The previous (up to 8 GiB) state must be gone before the next is allocated.
                GC.Collect();
                Measure(new BenchState(n, precision), n, repeats, yardstickMs, details);
            }
        }

        if (perTarget)
        {
            Console.WriteLine();
            Console.WriteLine("| qubits | precision | target qubit | RX ms | RX / same-size floor |");
            Console.WriteLine("|---:|---|---:|---:|---:|");
            details.ForEach(Console.WriteLine);
        }

        Console.WriteLine();
    }

    private static void Measure(BenchState state, int n, int repeats, double yardstickMs, List<string> details)
    {
        var reps = n >= 26 ? Math.Min(repeats, 3) : repeats;
        var floorMs = Bench.Time(state.ScalePass, reps);
        var rx = new Complex[4];
        Gates.Matrix1(GateKind.RX, [0.3], rx);
        var times = new double[n];
        var label = state.Precision.ToString().ToLowerInvariant();
        for (var q = 0; q < n; q++)
        {
            var target = q;
            times[q] = Bench.Time(() => state.Apply1(target, rx), reps);
            details.Add($"| {n} | {label} | {q} | {times[q]:F2} | {times[q] / floorMs:F2} |");
        }

        var worst = Array.IndexOf(times, times.Max());
        var mean = times.Average();
        Console.WriteLine($"| {n} | {label} | {state.Bytes / (1 << 20):F0} | {floorMs:F2} | {2 * state.Bytes / (floorMs / 1e3) / 1e9:F1} | {mean:F2} | " +
            $"{mean / floorMs:F2} | {mean / yardstickMs:F2} | {worst} | {times[worst]:F2} | {times[worst] / floorMs:F2} | {times[worst] / times.Min():F2} |");
    }
}
