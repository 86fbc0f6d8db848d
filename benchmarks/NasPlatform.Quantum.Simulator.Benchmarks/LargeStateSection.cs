using System.Diagnostics;
using System.Globalization;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Quantum.Simulator.Benchmarks;

/// <summary>
/// Registers above 24 qubits: one energy evaluation (one RY + CZ ladder layer, then ⟨TFIM⟩) timed once, and
/// the adjoint gradient of the same circuit where its two extra state vectors fit in the memory available.
/// </summary>
internal static class LargeStateSection
{
    public const int MinQubits = 25;

    public static void Print(int[] qubits)
    {
        Console.WriteLine("## Largest states: one energy evaluation (1 layer RY + CZ ladder, ⟨TFIM⟩) and the adjoint gradient");
        Console.WriteLine("Timed once each (no repeats: one pass over a 29-qubit state moves 16 GiB); memory from /proc/meminfo before each part.");
        Console.WriteLine();
        Console.WriteLine("| qubits | state GiB | MemAvailable GiB | energy evaluation s | passes | adjoint gradient s | adjoint / energy |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var n in qubits)
        {
            var stateGiB = 2.0 * 8 * (1L << n) / (1L << 30);
            var (circuit, theta) = Workloads.RyCzLadder(n, 1, new Random(1));
            var h = Hamiltonians.TransverseFieldIsing(n);
            var available = AvailableGiB();
            if (available < stateGiB * 1.1)
            {
                Console.WriteLine($"| {n} | {stateGiB:F1} | {available:F1} | does not fit | | | |");
                continue;
            }

            var fused = circuit.Fuse();
            double energySeconds;
            {
                var state = new StateVector(n);
                var sw = Stopwatch.StartNew();
                fused.Apply(state, theta);
                _ = h.Expectation(state);
                energySeconds = sw.Elapsed.TotalSeconds;
            }

            GC.Collect();
            GC.WaitForPendingFinalizers();
            var adjointCell = "does not fit";
            var ratioCell = "";
            available = AvailableGiB();
            if (available >= 2 * stateGiB * 1.1)
            {
                var adjoint = new AdjointGradient(n);
                var gradient = new double[circuit.ParameterCount];
                var sw = Stopwatch.StartNew();
                _ = adjoint.Evaluate(circuit, theta, h, gradient);
                var seconds = sw.Elapsed.TotalSeconds;
                adjointCell = seconds.ToString("F2", CultureInfo.InvariantCulture);
                ratioCell = (seconds / energySeconds).ToString("F2", CultureInfo.InvariantCulture);
            }
            else
            {
                adjointCell = $"does not fit (needs {2 * stateGiB:F0} GiB)";
            }

            Console.WriteLine($"| {n} | {stateGiB:F1} | {available:F1} | {energySeconds:F2} | {fused.StepCount} | {adjointCell} | {ratioCell} |");
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Console.WriteLine();
    }

    /// <summary>MemAvailable from /proc/meminfo in GiB (∞ where the file is missing, e.g. not Linux).</summary>
    private static double AvailableGiB()
    {
        const string file = "/proc/meminfo";
        if (!File.Exists(file))
        {
            return double.PositiveInfinity;
        }

        var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith("MemAvailable:", StringComparison.Ordinal));
        var kib = line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return kib / (1024.0 * 1024.0);
    }
}
