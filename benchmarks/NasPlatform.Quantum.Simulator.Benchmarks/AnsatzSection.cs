using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Quantum.Simulator.Benchmarks;

/// <summary>
/// The RY + CZ ladder ansatz (10 layers) run through the fused plan: time per circuit, passes over the state,
/// and the ratio to the yardstick: the floor of a 24-qubit complex128 state (issue 20 compares every
/// workload, at every size and precision, with that one pass), besides the floor of the same register.
/// </summary>
internal static class AnsatzSection
{
    public static void Print(int[] qubits, int layers, int repeats, Precision[] precisions, double yardstickMs)
    {
        Console.WriteLine($"## RY + CZ ladder ansatz ({layers} layers), fused forward simulation (one thread)");
        Console.WriteLine($"yardstick = 24-qubit complex128 floor = {yardstickMs:F2} ms; the circuit time includes resetting the state to |0…0⟩. " +
            "Two plans per precision: Circuit.Fuse() (2×2 and 4×4 passes, one-qubit gates folded into 4×4 from 22 qubits) and Circuit.FuseDense() (dense blocks, k chosen by the modelled cost).");
        Console.WriteLine();
        Console.WriteLine("| qubits | precision | plan | gates | passes | same-size floor ms | ms per circuit | ms per pass | pass / same-size floor | circuit / yardstick |");
        Console.WriteLine("|---:|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var n in qubits)
        {
            foreach (var precision in precisions)
            {
                var (circuit, theta) = Workloads.RyCzLadder(n, layers, new Random(1));
                var pairwise = circuit.Fuse();
                var dense = circuit.FuseDense();
                var state = new BenchState(n, precision);
                var floorMs = Bench.Time(state.ScalePass, repeats);
                var circuitRepeats = n >= 24 ? Math.Min(repeats, 3) : repeats;
                // Interleaved pairs of timings, so that load from other processes hits both plans alike.
                double pairwiseMs = double.MaxValue, denseMs = double.MaxValue;
                for (var round = 0; round < circuitRepeats; round++)
                {
                    pairwiseMs = Math.Min(pairwiseMs, Bench.Time(() => state.Run(pairwise, theta), 1));
                    denseMs = Math.Min(denseMs, Bench.Time(() => state.Run(dense, theta), 1));
                }

                Row(n, precision, "2x2/4x4", circuit.Ops.Count, pairwise.StepCount, floorMs, pairwiseMs, yardstickMs);
                Row(n, precision, $"dense k≤{dense.MaxBlockQubits}", circuit.Ops.Count, dense.StepCount, floorMs, denseMs, yardstickMs);
            }
        }

        Console.WriteLine();
    }

    private static void Row(int n, Precision precision, string plan, int gates, int passes, double floorMs, double ms, double yardstickMs) =>
        Console.WriteLine($"| {n} | {precision.ToString().ToLowerInvariant()} | {plan} | {gates} | {passes} | {floorMs:F2} | {ms:F1} | " +
            $"{ms / passes:F3} | {ms / passes / floorMs:F2} | {ms / yardstickMs:F2} |");
}
