using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using NasPlatform.Quantum.Simulator;
using NasPlatform.Quantum.Simulator.Kernels;

namespace NasPlatform.Quantum.Simulator.Tests;

/// <summary>The unrolled three-qubit kernel against the dense kernel's scalar loop, and a dense plan that uses it against the unfused simulation.</summary>
public class DenseKernel3Tests
{
    [Theory]
    [InlineData(new[] { 3, 4, 5 })]
    [InlineData(new[] { 8, 3, 6 })]
    [InlineData(new[] { 5, 9, 4 })]
    [InlineData(new[] { 9, 8, 7 })]
    public void The_unrolled_kernel_matches_the_scalar_loop_in_both_precisions(int[] bits)
    {
        const int n = 10;
        Assert.True(!Fma.IsSupported || (DenseKernel3.Handles<double>(bits, n) && DenseKernel3.Handles<float>(bits, n)), "the unrolled kernel must serve these bits");
        var rng = new Random(bits[0] * 100 + bits[1] * 10 + bits[2]);
        var m = Textbook.RandomUnitary(8, rng).Entries.ToArray();
        var start = RandomCircuits.RandomState(n, rng);
        var scalar = start.Clone();
        DenseKernel.RunScalar(scalar.Re, scalar.Im, n, bits, m);
        var vector = start.Clone();
        DenseKernel3.Run(vector.Re, vector.Im, n, bits, m);
        var single = new StateVectorSingle(n);
        single.CopyFrom(start);
        DenseKernel3.Run(single.Re, single.Im, n, bits, m);
        for (var i = 0; i < scalar.Length; i++)
        {
            Assert.True(Complex.Abs(vector[i] - scalar[i]) < 1e-12, $"double, amplitude {i}: {vector[i]} vs {scalar[i]}");
            Assert.True(Complex.Abs(single[i] - scalar[i]) < 1e-5, $"single, amplitude {i}: {single[i]} vs {scalar[i]}");
        }

        Assert.True(Enumerable.Range(0, scalar.Length).Max(i => Complex.Abs(scalar[i] - start[i])) > 1e-3, "the matrix must move the state");
    }

    [Fact]
    public void Bits_inside_a_vector_are_left_to_the_generic_kernel()
    {
        Assert.False(DenseKernel3.Handles<double>([1, 4, 5], 10));
        Assert.False(DenseKernel3.Handles<float>([2, 4, 5], 10));
        Assert.False(DenseKernel3.Handles<double>([3, 4, 5, 6], 10));
        Assert.Equal(Vector256.IsHardwareAccelerated && Fma.IsSupported, DenseKernel3.Handles<float>([3, 4, 5], 10));
    }

    [Theory]
    [InlineData(12)]
    [InlineData(14)]
    public void A_three_qubit_dense_plan_of_the_ry_cz_ansatz_matches_the_unfused_simulation(int n)
    {
        var circuit = new Circuit(n);
        var next = 0;
        for (var layer = 0; layer < 4; layer++)
        {
            for (var q = 0; q < n; q++)
            {
                circuit.RY(q, Angle.Parameter(next++));
            }

            for (var q = 0; q + 1 < n; q++)
            {
                circuit.CZ(q, q + 1);
            }
        }

        var rng = new Random(n);
        var theta = Enumerable.Range(0, next).Select(_ => rng.NextDouble() * 6 - 3).ToArray();
        var plan = circuit.FuseDense(3);
        Assert.Contains(3, plan.BlockSizes);
        var reference = new StateVector(n);
        circuit.Apply(reference, theta);
        var fused = new StateVector(n);
        plan.Apply(fused, theta);
        var narrow = new StateVectorSingle(n);
        plan.Apply(narrow, theta);
        for (var i = 0; i < reference.Length; i++)
        {
            Assert.True(Complex.Abs(reference[i] - fused[i]) < 1e-12, $"double, amplitude {i}");
            Assert.True(Complex.Abs(reference[i] - narrow[i]) < 1e-5, $"single, amplitude {i}");
        }
    }
}
