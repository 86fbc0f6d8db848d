using System.Diagnostics;
using System.Globalization;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Quantum.Simulator.Benchmarks;

/// <summary>
/// Registers above 24 qubits, in each precision asked for: one energy evaluation (one RY + CZ ladder layer, then
/// ⟨TFIM⟩) timed once, and the adjoint gradient of the same circuit where its two state vectors (|ψ⟩, |λ⟩) fit in
/// the memory available (MemAvailable guard: a part that does not fit says so instead of running).
/// </summary>
internal static class LargeStateSection
{
    public const int MinQubits = 25;

    public static void Print(int[] qubits, Precision[] precisions)
    {
        Console.WriteLine("## Largest states: one energy evaluation (1 layer RY + CZ ladder, ⟨TFIM⟩) and the adjoint gradient");
        Console.WriteLine("Timed once each (no repeats: one pass over a 29-qubit complex128 state moves 16 GiB); memory from /proc/meminfo before each part.");
        Console.WriteLine();
        Console.WriteLine("Each part prints its row as soon as it ends (a part can take many minutes on a loaded machine).");
        Console.WriteLine();
        Console.WriteLine("| qubits | precision | part | memory needed GiB | MemAvailable GiB | passes | seconds |");
        Console.WriteLine("|---:|---|---|---:|---:|---:|---:|");
        foreach (var n in qubits)
        {
            foreach (var precision in precisions)
            {
                Row(n, precision);
                ReleaseStates();
            }
        }

        Console.WriteLine();
    }

    private static void Row(int n, Precision precision)
    {
        var name = precision.ToString().ToLowerInvariant();
        var stateGiB = (precision == Precision.Double ? 16.0 : 8.0) * (1L << n) / (1L << 30);
        var (circuit, theta) = Workloads.RyCzLadder(n, 1, new Random(1));
        var h = Hamiltonians.TransverseFieldIsing(n);
        var available = AvailableGiB();
        if (available < stateGiB * 1.1)
        {
            Console.WriteLine($"| {n} | {name} | energy evaluation | {stateGiB:F1} | {available:F1} | | does not fit |");
            return;
        }

        var fused = circuit.Fuse();
        var energySeconds = EnergySeconds(n, precision, fused, theta, h);
        Console.WriteLine($"| {n} | {name} | energy evaluation | {stateGiB:F1} | {available:F1} | {fused.StepCount} | {energySeconds:F2} |");

        ReleaseStates();
        available = AvailableGiB();
        var adjointCell = "does not fit";
        if (available >= 2 * stateGiB * 1.1)
        {
            var adjoint = new AdjointGradient(n, precision);
            var gradient = new double[circuit.ParameterCount];
            var sw = Stopwatch.StartNew();
            _ = adjoint.Evaluate(circuit, theta, h, gradient);
            var seconds = sw.Elapsed.TotalSeconds;
            adjointCell = string.Create(CultureInfo.InvariantCulture, $"{seconds:F2} ({seconds / energySeconds:F2} × the energy evaluation)");
        }

        Console.WriteLine($"| {n} | {name} | adjoint gradient (energy + {circuit.ParameterCount} gradients) | {2 * stateGiB:F1} | {available:F1} | | {adjointCell} |");
    }

    /// <summary>|0…0⟩ (allocated zeroed, not filled), the fused plan, ⟨H⟩: seconds, timed once.</summary>
    private static double EnergySeconds(int n, Precision precision, FusedCircuit fused, double[] theta, PauliSum h)
    {
        var sw = new Stopwatch();
        if (precision == Precision.Double)
        {
            var state = new StateVector(n);
            sw.Start();
            fused.Apply(state, theta);
            _ = h.Expectation(state);
        }
        else
        {
            var state = new StateVectorSingle(n);
            sw.Start();
            fused.Apply(state, theta);
            _ = h.Expectation(state);
        }

        return sw.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Frees the last part's state vectors and gives their pages back to the system: a plain collection keeps the
    /// freed large-object memory committed in the process, so MemAvailable read next stayed 8 GiB short and the 29-qubit
    /// adjoint gradient was reported as not fitting.
    /// </summary>
    private static void ReleaseStates()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
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
