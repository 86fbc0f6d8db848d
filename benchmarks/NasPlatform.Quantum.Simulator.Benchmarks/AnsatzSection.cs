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
            "Both precisions run the same plan (Circuit.Fuse(): one-qubit gates folded into 4×4 passes from 22 qubits).");
        Console.WriteLine();
        Console.WriteLine("| qubits | precision | gates | passes | same-size floor ms | ms per circuit | ms per pass | pass / same-size floor | circuit / yardstick |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var n in qubits)
        {
            foreach (var precision in precisions)
            {
                var (circuit, theta) = Workloads.RyCzLadder(n, layers, new Random(1));
                var plan = circuit.Fuse();
                var state = new BenchState(n, precision);
                var floorMs = Bench.Time(state.ScalePass, repeats);
                var ms = Bench.Time(() => state.Run(plan, theta), n >= 24 ? Math.Min(repeats, 3) : repeats);
                Console.WriteLine($"| {n} | {precision.ToString().ToLowerInvariant()} | {circuit.Ops.Count} | {plan.StepCount} | {floorMs:F2} | {ms:F1} | " +
                    $"{ms / plan.StepCount:F3} | {ms / plan.StepCount / floorMs:F2} | {ms / yardstickMs:F2} |");
            }
        }

        Console.WriteLine();
    }
}
