using System.Numerics;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Quantum.Simulator.Benchmarks;

/// <summary>
/// RX on every target qubit against the memory floor of the same state: the mean over targets (what a circuit
/// sees) and the worst target (issue 20: the most significant qubit was 2.9× the others above 24 qubits).
/// </summary>
internal static class GateSection
{
    public static void Print(int[] qubits, int repeats, bool perTarget)
    {
        Console.WriteLine("## RX per gate vs. the memory floor (one thread)");
        Console.WriteLine("floor = one in-place read+write pass over the same state (every amplitude × 1.0), timed in the same run; " +
            "ratio = time / floor; every figure is the best of the repeats.");
        Console.WriteLine();
        Console.WriteLine("| qubits | state MiB | floor ms | floor GB/s | RX mean ms | mean / floor | worst target | worst ms | worst / floor | worst / best |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var details = new List<string>();
        foreach (var n in qubits)
        {
            // The previous (up to 8 GiB) state must be gone before the next is allocated.
            GC.Collect();
            var state = new StateVector(n);
            Fill.Random(state);
            var reps = n >= 26 ? Math.Min(repeats, 3) : repeats;
            var floorMs = Bench.FloorMs(state, reps);
            var rx = new Complex[4];
            Gates.Matrix1(GateKind.RX, [0.3], rx);
            var times = new double[n];
            for (var q = 0; q < n; q++)
            {
                var target = q;
                times[q] = Bench.Time(() => state.Apply1(target, rx), reps);
                details.Add($"| {n} | {q} | {times[q]:F2} | {times[q] / floorMs:F2} |");
            }

            var worst = Array.IndexOf(times, times.Max());
            var bytes = 2.0 * state.Length * 8;
            Console.WriteLine($"| {n} | {bytes / (1 << 20):F0} | {floorMs:F2} | {2 * bytes / (floorMs / 1e3) / 1e9:F1} | {times.Average():F2} | " +
                $"{times.Average() / floorMs:F2} | {worst} | {times[worst]:F2} | {times[worst] / floorMs:F2} | {times[worst] / times.Min():F2} |");
        }

        if (perTarget)
        {
            Console.WriteLine();
            Console.WriteLine("| qubits | target qubit | RX ms | ratio |");
            Console.WriteLine("|---:|---:|---:|---:|");
            details.ForEach(Console.WriteLine);
        }

        Console.WriteLine();
    }
}
