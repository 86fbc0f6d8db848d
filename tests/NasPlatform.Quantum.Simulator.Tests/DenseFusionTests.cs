using System.Numerics;
using NasPlatform.Quantum.Simulator;
using NasPlatform.Quantum.Simulator.Kernels;

namespace NasPlatform.Quantum.Simulator.Tests;

/// <summary>Dense k-qubit fusion against the unfused simulation, and the dense kernel against its scalar loop.</summary>
public class DenseFusionTests
{
    [Theory]
    [InlineData(3, 2)]
    [InlineData(5, 3)]
    [InlineData(7, 4)]
    [InlineData(9, 4)]
    [InlineData(10, 3)]
    public void Fused_random_circuits_match_the_unfused_simulation_in_both_precisions(int numQubits, int maxQubits)
    {
        var rng = new Random(200 + numQubits);
        var (circuit, theta) = RandomCircuits.Make(numQubits, 30 * numQubits, rng);
        var plan = circuit.FuseDense(maxQubits);
        Assert.True(plan.StepCount < circuit.Ops.Count, $"{plan.StepCount} passes for {circuit.Ops.Count} gates");
        Assert.All(plan.BlockSizes, k => Assert.InRange(k, 1, maxQubits));
        Assert.Contains(maxQubits, plan.BlockSizes);

        var start = RandomCircuits.RandomState(numQubits, rng);
        var reference = start.Clone();
        circuit.Apply(reference, theta);
        var fused = start.Clone();
        plan.Apply(fused, theta);
        var narrow = new StateVectorSingle(numQubits);
        narrow.CopyFrom(start);
        plan.Apply(narrow, theta);
        for (var i = 0; i < reference.Length; i++)
        {
            Assert.True(Complex.Abs(reference[i] - fused[i]) < 1e-12, $"double, amplitude {i}: {reference[i]} vs {fused[i]}");
            Assert.True(Complex.Abs(reference[i] - narrow[i]) < 1e-5, $"single, amplitude {i}: {reference[i]} vs {narrow[i]}");
        }
    }

    [Theory]
    [InlineData(new[] { 0, 1, 2 })]
    [InlineData(new[] { 2, 0 })]
    [InlineData(new[] { 5, 1, 3, 0 })]
    [InlineData(new[] { 4, 6, 5, 3 })]
    [InlineData(new[] { 1, 6, 2, 5 })]
    public void The_dense_kernel_matches_its_scalar_loop_for_in_lane_and_cross_vector_bits(int[] bits)
    {
        const int n = 7;
        var rng = new Random(bits.Sum());
        var m = Textbook.RandomUnitary(1 << bits.Length, rng).Entries.ToArray();
        var start = RandomCircuits.RandomState(n, rng);
        var vector = start.Clone();
        var scalar = start.Clone();
        DenseKernel.Run(vector.Re, vector.Im, n, bits, m);
        DenseKernel.RunScalar(scalar.Re, scalar.Im, n, bits, m);
        var single = new StateVectorSingle(n);
        single.CopyFrom(start);
        DenseKernel.Run(single.Re, single.Im, n, bits, m);
        for (var i = 0; i < vector.Length; i++)
        {
            Assert.True(Complex.Abs(vector[i] - scalar[i]) < 1e-12, $"double, amplitude {i}");
            Assert.True(Complex.Abs(single[i] - scalar[i]) < 1e-5, $"single, amplitude {i}");
        }

        Assert.True(Enumerable.Range(0, n).Max(i => Complex.Abs(vector[i] - start[i])) > 1e-3);
    }

    [Fact]
    public void The_cost_model_fuses_the_ry_cz_ansatz_into_fewer_passes_than_the_pairwise_plan()
    {
        foreach (var n in new[] { 12, 22 })
        {
            var circuit = new Circuit(n);
            var next = 0;
            for (var layer = 0; layer < 10; layer++)
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

            var dense = circuit.FuseDense();
            Assert.True(dense.StepCount < circuit.Fuse(intoTwoQubitGates: true).StepCount, $"{n} qubits: dense {dense.StepCount} passes (k = {dense.MaxBlockQubits})");
            Assert.Equal(Enumerable.Range(2, 3).Min(k => circuit.FuseDense(k).ModelledCost), dense.ModelledCost);
        }
    }
}
