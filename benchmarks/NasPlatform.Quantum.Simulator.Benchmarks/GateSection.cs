using System.Numerics;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Quantum.Simulator.Benchmarks;

/// <summary>
/// RX on every target qubit against the memory floor of the same state: the mean over targets (what a circuit
/// sees) and the worst target (issue 20: every target within 1.2× of the others). With <c>--pages both</c> a state
/// on 4 KiB pages and one on 2 MiB huge pages are timed target by target, alternately, in the same run.
/// </summary>
internal static class GateSection
{
    public static void Print(int[] qubits, int repeats, bool perTarget, Precision[] precisions, bool[] hugePages, double yardstickMs)
    {
        Console.WriteLine("## RX per gate vs. the memory floor (one thread)");
        Console.WriteLine($"yardstick = one in-place pass over a 24-qubit complex128 state = {yardstickMs:F2} ms (measured at the start of this run).");
        Console.WriteLine("floor = one in-place read+write pass over the same state (every amplitude × 1.0), timed in the same run; " +
            "ratio = time / floor; every figure is the best of the repeats; pages = 4K or 2M (transparent huge pages; 'huge' = share of the amplitude bytes on them).");
        Console.WriteLine();
        Console.WriteLine("| qubits | precision | pages | huge | state MiB | same-size floor ms | floor GB/s | RX mean ms | mean / floor | mean / yardstick | worst target | worst ms | worst / floor | worst / best |");
        Console.WriteLine("|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var details = new List<string>();
        foreach (var n in qubits)
        {
            foreach (var precision in precisions)
            {
                // The previous (up to 8 GiB) states must be gone before the next are allocated.
                GC.Collect();
                var states = hugePages.Select(huge => new BenchState(n, precision, huge)).ToArray();
                Measure(states, n, repeats, yardstickMs, details);
            }
        }

        if (perTarget)
        {
            Console.WriteLine();
            Console.WriteLine($"| qubits | precision | target qubit | {string.Join(" | ", hugePages.Select(h => $"RX ms {(h ? "2M" : "4K")} | / floor"))} |");
            Console.WriteLine($"|---:|---|---:|{string.Concat(hugePages.Select(_ => "---:|---:|"))}");
            details.ForEach(Console.WriteLine);
        }

        Console.WriteLine();
    }

    private static void Measure(BenchState[] states, int n, int repeats, double yardstickMs, List<string> details)
    {
        var reps = n >= 26 ? Math.Min(repeats, 3) : repeats;
        var floors = new double[states.Length];
        Array.Fill(floors, double.MaxValue);
        for (var round = 0; round < reps; round++)
        {
            for (var v = 0; v < states.Length; v++)
            {
                floors[v] = Math.Min(floors[v], Bench.Time(states[v].ScalePass, 1));
            }
        }

        var rx = new Complex[4];
        Gates.Matrix1(GateKind.RX, [0.3], rx);
        var times = new double[states.Length, n];
        var label = states[0].Precision.ToString().ToLowerInvariant();
        for (var q = 0; q < n; q++)
        {
            var target = q;
            var cells = new List<string>();
            for (var v = 0; v < states.Length; v++)
            {
                var state = states[v];
                times[v, q] = Bench.Time(() => state.Apply1(target, rx), reps);
                cells.Add($"{times[v, q]:F2} | {times[v, q] / floors[v]:F2}");
            }

            details.Add($"| {n} | {label} | {q} | {string.Join(" | ", cells)} |");
        }

        for (var v = 0; v < states.Length; v++)
        {
            var row = Enumerable.Range(0, n).Select(q => times[v, q]).ToArray();
            var worst = Array.IndexOf(row, row.Max());
            var mean = row.Average();
            var state = states[v];
            Console.WriteLine($"| {n} | {label} | {state.Pages} | {state.HugeShare} | {state.Bytes / (1 << 20):F0} | {floors[v]:F2} | " +
                $"{2 * state.Bytes / (floors[v] / 1e3) / 1e9:F1} | {mean:F2} | {mean / floors[v]:F2} | {mean / yardstickMs:F2} | {worst} | " +
                $"{row[worst]:F2} | {row[worst] / floors[v]:F2} | {row[worst] / row.Min():F2} |");
        }
    }
}
