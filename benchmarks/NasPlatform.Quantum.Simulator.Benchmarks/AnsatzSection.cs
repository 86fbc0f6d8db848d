using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Quantum.Simulator.Benchmarks;

/// <summary>
/// The RY + CZ ladder ansatz (10 layers) run through the fused plan: time per circuit, passes over the state,
/// and the ratio to the yardstick: the floor of a 24-qubit complex128 state (issue 20 compares every
/// workload, at every size, with that one pass), besides the floor of the same register size.
/// </summary>
internal static class AnsatzSection
{
    public static void Print(int[] qubits, int layers, int repeats, double yardstickMs)
    {
        Console.WriteLine($"## RY + CZ ladder ansatz ({layers} layers), fused forward simulation (one thread)");
        Console.WriteLine();
        Console.WriteLine($"yardstick = 24-qubit complex128 floor = {yardstickMs:F2} ms; the circuit time includes resetting the state to |0…0⟩.");
        Console.WriteLine();
        Console.WriteLine("| qubits | gates | passes | same-size floor ms | ms per circuit | ms per pass | pass / same-size floor | circuit / yardstick |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var n in qubits)
        {
            var (circuit, theta) = Workloads.RyCzLadder(n, layers, new Random(1));
            var fused = circuit.Fuse();
            var state = new StateVector(n);
            Fill.Random(state);
            var floorMs = Bench.FloorMs(state, repeats);
            var ms = Bench.Time(() =>
            {
                state.Reset();
                fused.Apply(state, theta);
            }, n >= 24 ? Math.Min(repeats, 3) : repeats);
            Console.WriteLine($"| {n} | {circuit.Ops.Count} | {fused.StepCount} | {floorMs:F2} | {ms:F1} | {ms / fused.StepCount:F3} | {ms / fused.StepCount / floorMs:F2} | {ms / yardstickMs:F2} |");
        }

        Console.WriteLine();
    }
}
