using System.Numerics;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Quantum.Simulator.Benchmarks;

/// <summary>Per-pass cost of each kernel kind (µs), to tune fusion: --kernels --qubits 12,16,20.</summary>
internal static class KernelCosts
{
    public static void Print(int[] qubits, int repeats)
    {
        Console.WriteLine("| qubits | target | 2×2 µs | real 2×2 µs | controlled 2×2 µs | CZ phase µs | 4×4 µs | adjoint step µs | diagonal adjoint step µs | ⟨TFIM⟩ µs | H·ψ (TFIM) µs |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var n in qubits)
        {
            var state = new StateVector(n);
            var rng = new Random(1);
            for (var i = 0; i < state.Length; i++)
            {
                state.Re[i] = rng.NextDouble();
                state.Im[i] = rng.NextDouble();
            }

            state.Normalize();
            var other = state.Clone();
            var m2 = new Complex[4];
            Gates.Matrix1(GateKind.RX, [0.3], m2);
            var m4 = new Complex[16];
            Gates.Matrix2(GateKind.RXX, [0.3], m4);
            var h = Hamiltonians.TransverseFieldIsing(n);
            var reps = Math.Max(repeats, (1 << 22) >> n);
            foreach (var (label, a, b) in new[] { ("high", 0, 1), ("mid", n / 2, n / 2 + 1), ("low", n - 2, n - 1) })
            {
                var t1 = Bench.Time(() => state.Apply1(b, m2), reps) * 1e3;
                var ry = new Complex[4];
                Gates.Matrix1(GateKind.RY, [0.3], ry);
                var tr = Bench.Time(() => Kernels.CacheKernels.TryReal1(state.Re, state.Im, n, n - 1 - b, ry), reps) * 1e3;
                var t2 = Bench.Time(() => state.ApplyControlled1(a, b, m2), reps) * 1e3;
                var tz = Bench.Time(() => Kernels.CacheKernels.Phase11(state.Re, state.Im, n, n - 1 - a, n - 1 - b, -Complex.One), reps) * 1e3;
                var t4 = Bench.Time(() => state.Apply2(a, b, m4), reps) * 1e3;
                var gy = new Complex[4];
                Gates.Matrix1(GateKind.Y, [], gy);
                var gz = new Complex[4];
                Gates.Matrix1(GateKind.Z, [], gz);
                var rz = new Complex[4];
                Gates.Matrix1(GateKind.RZ, [0.3], rz);
                var bit = n - 1 - b;
                var ts = Bench.Time(() => Kernels.AdjointStepKernel.Run(state, other, bit, -1, m2, gy), reps) * 1e3;
                var td = Bench.Time(() => Kernels.AdjointStepKernel.Run(state, other, bit, -1, rz, gz), reps) * 1e3;
                var te = Bench.Time(() => h.Expectation(state), reps) * 1e3;
                var ta = Bench.Time(() => h.Apply(state, other), reps) * 1e3;
                Console.WriteLine($"| {n} | {label} | {t1:F1} | {tr:F1} | {t2:F1} | {tz:F1} | {t4:F1} | {ts:F1} | {td:F1} | {te:F1} | {ta:F1} |");
            }
        }
    }
}
