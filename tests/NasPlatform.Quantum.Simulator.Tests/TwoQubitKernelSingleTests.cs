using System.Numerics;
using NasPlatform.Quantum.Simulator;
using NasPlatform.Quantum.Simulator.Kernels;

namespace NasPlatform.Quantum.Simulator.Tests;

/// <summary>The vectorized complex64 4×4 kernels (cross-vector, mixed and in-lane) against the scalar reference.</summary>
public class TwoQubitKernelSingleTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(6)]
    [InlineData(8)]
    public void Every_ordered_pair_of_index_bits_matches_the_scalar_loop(int numQubits)
    {
        var rng = new Random(numQubits);
        var start = RandomCircuits.RandomState(numQubits, rng);
        var m = Textbook.RandomUnitary(4, rng);
        var matrix = new Complex[16];
        for (var r = 0; r < 4; r++)
        {
            for (var c = 0; c < 4; c++)
            {
                matrix[4 * r + c] = m[r, c];
            }
        }

        for (var high = 0; high < numQubits; high++)
        {
            for (var low = 0; low < numQubits; low++)
            {
                if (high == low)
                {
                    continue;
                }

                var vector = new StateVectorSingle(numQubits);
                vector.CopyFrom(start);
                var scalar = new StateVectorSingle(numQubits);
                scalar.CopyFrom(start);
                TwoQubitKernelSingle.Run(vector.Re, vector.Im, numQubits, high, low, matrix);
                TwoQubitKernelSingle.RunScalar(scalar.Re, scalar.Im, numQubits, high, low, matrix);
                var worst = Enumerable.Range(0, vector.Length).Max(i => Complex.Abs(vector[i] - scalar[i]));
                Assert.True(worst < 1e-6, $"bits ({high}, {low}): largest difference {worst:E2}");
                var moved = Enumerable.Range(0, vector.Length).Max(i => Complex.Abs(vector[i] - start[i]));
                Assert.True(moved > 1e-2, $"bits ({high}, {low}): the pass changed nothing");
            }
        }
    }
}
