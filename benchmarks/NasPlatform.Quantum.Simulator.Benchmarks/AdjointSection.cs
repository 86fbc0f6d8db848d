using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Quantum.Simulator.Benchmarks;

/// <summary>Adjoint gradient (energy + all gradients) against one fused forward evaluation of the same circuit, per precision.</summary>
internal static class AdjointSection
{
    public static void Print(int qubits, int repeats, Precision[] precisions)
    {
        Console.WriteLine("## Adjoint gradient vs. forward evaluation");
        var (ansatz, theta) = Workloads.HardwareEfficient(qubits, 200, new Random(1));
        var tfim = Hamiltonians.TransverseFieldIsing(qubits);
        var fused = ansatz.Fuse();
        var gradient = new double[ansatz.ParameterCount];
        Console.WriteLine($"{qubits} qubits, {ansatz.ParameterCount} parameters, {ansatz.Ops.Count} gates ({fused.StepCount} fused passes), H = TFIM ({tfim.Terms.Count} terms).");
        Console.WriteLine();
        Console.WriteLine("| precision | forward (fused) + ⟨H⟩ ms | forward (unfused) + ⟨H⟩ ms | adjoint (energy + all gradients) ms | adjoint / forward (fused) | adjoint / forward (unfused) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var precision in precisions)
        {
            var state = new BenchState(qubits, precision);
            var psi = new StateVector(qubits);
            var adjoint = new AdjointGradient(qubits, precision);
            // Interleaved, so that load from other processes hits all three alike; best of the rounds.
            double forwardMs = double.MaxValue, unfusedMs = double.MaxValue, adjointMs = double.MaxValue;
            for (var round = 0; round < repeats * 4; round++)
            {
                forwardMs = Math.Min(forwardMs, Bench.Time(() =>
                {
                    state.Run(fused, theta);
                    _ = state.Expectation(tfim);
                }, 1));
                if (precision == Precision.Double)
                {
                    // Gate by gate exists for complex128 only.
                    unfusedMs = Math.Min(unfusedMs, Bench.Time(() =>
                    {
                        psi.Reset();
                        ansatz.Apply(psi, theta);
                        _ = tfim.Expectation(psi);
                    }, 1));
                }

                adjointMs = Math.Min(adjointMs, Bench.Time(() => adjoint.Evaluate(ansatz, theta, tfim, gradient), 1));
            }

            var unfused = precision == Precision.Double ? $"{unfusedMs:F2} | " : "– | ";
            var unfusedRatio = precision == Precision.Double ? $"{adjointMs / unfusedMs:F2}" : "–";
            Console.WriteLine($"| {precision.ToString().ToLowerInvariant()} | {forwardMs:F2} | {unfused}{adjointMs:F2} | {adjointMs / forwardMs:F2} | {unfusedRatio} |");
        }

        Console.WriteLine();
    }
}
