using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Quantum.Simulator.Benchmarks;

/// <summary>Small circuits per second, parallel across circuits.</summary>
internal static class ThroughputSection
{
    public static void Print(bool quick)
    {
        Console.WriteLine("## Batch throughput: 8-qubit circuits (parallel across circuits)");
        var batch = Enumerable.Range(0, 512).Select(i => Workloads.HardwareEfficient(8, 48, new Random(100 + i))).ToArray();
        var h8 = Hamiltonians.TransverseFieldIsing(8);
        Console.WriteLine("Each circuit: 8 qubits, 48 parameters (RY/RZ layers + CNOT chain), fused forward + ⟨TFIM⟩.");
        Console.WriteLine();
        Console.WriteLine("| threads | circuits/s | with adjoint gradient: circuits/s |");
        Console.WriteLine("|---:|---:|---:|");
        foreach (var threads in new[] { 1, Math.Min(2, Environment.ProcessorCount) }.Distinct())
        {
            var forward = Bench.Throughput(batch, threads, quick ? 1 : 3, (c, p, _) =>
            {
                var s = new StateVector(8);
                c.Fuse().Apply(s, p);
                return h8.Expectation(s);
            });
            var withGradient = Bench.Throughput(batch, threads, quick ? 1 : 3, (c, p, workspace) =>
            {
                var g = new double[c.ParameterCount];
                return workspace.Evaluate(c, p, h8, g);
            });
            Console.WriteLine($"| {threads} | {forward:F0} | {withGradient:F0} |");
        }
    }
}
