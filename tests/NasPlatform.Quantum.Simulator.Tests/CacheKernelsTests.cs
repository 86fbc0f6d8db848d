using System.Numerics;
using NasPlatform.Quantum.Simulator;
using NasPlatform.Quantum.Simulator.Kernels;

namespace NasPlatform.Quantum.Simulator.Tests;

/// <summary>The real 2×2 and controlled-phase kernels against the general complex kernels, on every bit of both precisions.</summary>
public class CacheKernelsTests
{
    [Fact]
    public void The_real_kernel_matches_the_complex_one_on_every_cross_vector_bit_and_declines_in_lane_bits()
    {
        const int n = 7;
        var theta = 0.83;
        Complex[] ry = [Math.Cos(theta / 2), -Math.Sin(theta / 2), Math.Sin(theta / 2), Math.Cos(theta / 2)];
        for (var bit = 0; bit < n; bit++)
        {
            var rng = new Random(bit);
            var start = RandomCircuits.RandomState(n, rng);
            var expected = start.Clone();
            expected.Apply1(n - 1 - bit, ry);
            var actual = start.Clone();
            var done = CacheKernels.TryReal1(actual.Re, actual.Im, n, bit, ry);
            Assert.Equal(bit >= 2, done);
            if (done)
            {
                Assert.True(expected.Fidelity(actual) > 1 - 1e-14 && Math.Abs(actual.NormSquared() - 1) < 1e-12, $"bit {bit}");
                Assert.Equal(expected[5].Real, actual[5].Real, 14);
            }

            var single = new StateVectorSingle(n);
            single.CopyFrom(start);
            var singleDone = CacheKernels.TryReal1(single.Re, single.Im, n, bit, ry);
            Assert.Equal(bit >= 3, singleDone);
            if (singleDone)
            {
                for (var i = 0; i < 1 << n; i++)
                {
                    Assert.True(Complex.Abs(single[i] - expected[i]) < 1e-6, $"single bit {bit}, amplitude {i}");
                }
            }
        }
    }

    [Fact]
    public void The_in_lane_real_kernel_matches_the_complex_one_on_every_in_lane_bit_of_both_precisions()
    {
        const int n = 6;
        Complex[] ry = [Math.Cos(0.41), -Math.Sin(0.41), Math.Sin(0.41), Math.Cos(0.41)];
        Complex[] hadamardLike = [0.6, 0.8, 0.8, -0.6]; // real, not symmetric in the diagonal: catches swapped m00/m11
        foreach (var m in new[] { ry, hadamardLike })
        {
            for (var bit = 0; bit < 3; bit++)
            {
                var start = RandomCircuits.RandomState(n, new Random(20 + bit));
                var expected = start.Clone();
                expected.Apply1(n - 1 - bit, m);
                if (bit < 2)
                {
                    var actual = start.Clone();
                    CacheKernels.Real1InLane(actual.Re, actual.Im, n, bit, m);
                    for (var i = 0; i < 1 << n; i++)
                    {
                        Assert.True(Complex.Abs(actual[i] - expected[i]) < 1e-15, $"double bit {bit}, amplitude {i}");
                    }
                }

                var single = new StateVectorSingle(n);
                single.CopyFrom(start);
                CacheKernels.Real1InLane(single.Re, single.Im, n, bit, m);
                for (var i = 0; i < 1 << n; i++)
                {
                    Assert.True(Complex.Abs(single[i] - expected[i]) < 1e-6, $"single bit {bit}, amplitude {i}");
                }
            }
        }
    }

    [Fact]
    public void The_masked_phase_multiplies_every_amplitude_for_an_empty_mask_and_the_set_ones_for_one_bit()
    {
        const int n = 6;
        var phase = Complex.FromPolarCoordinates(1, -1.1);
        var start = RandomCircuits.RandomState(n, new Random(5));
        foreach (var mask in new[] { 0, 1 << 0, 1 << 4 })
        {
            var state = start.Clone();
            CacheKernels.PhaseWhere(state.Re, state.Im, n, mask, phase);
            var single = new StateVectorSingle(n);
            single.CopyFrom(start);
            CacheKernels.PhaseWhere(single.Re, single.Im, n, mask, -Complex.One);
            for (var i = 0; i < 1 << n; i++)
            {
                var set = (i & mask) == mask;
                Assert.True(Complex.Abs(state[i] - (set ? start[i] * phase : start[i])) < 1e-15, $"mask {mask}, amplitude {i}");
                Assert.True(Complex.Abs(single[i] - (set ? -start[i] : start[i])) < 1e-6, $"single, mask {mask}, amplitude {i}");
            }
        }
    }

    [Fact]
    public void The_phase_kernel_multiplies_exactly_the_amplitudes_with_both_bits_set()
    {
        const int n = 6;
        var phase = Complex.FromPolarCoordinates(1, 0.7);
        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < n; b++)
            {
                if (a == b)
                {
                    continue;
                }

                var start = RandomCircuits.RandomState(n, new Random(10 * a + b));
                var state = start.Clone();
                CacheKernels.Phase11(state.Re, state.Im, n, a, b, phase);
                var single = new StateVectorSingle(n);
                single.CopyFrom(start);
                CacheKernels.Phase11(single.Re, single.Im, n, a, b, phase);
                for (var i = 0; i < 1 << n; i++)
                {
                    var both = ((i >> a) & 1) == 1 && ((i >> b) & 1) == 1;
                    var expected = both ? start[i] * phase : start[i];
                    Assert.True(Complex.Abs(state[i] - expected) < 1e-15, $"bits {a},{b}, amplitude {i}");
                    Assert.True(Complex.Abs(single[i] - expected) < 1e-6, $"single, bits {a},{b}, amplitude {i}");
                }
            }
        }
    }

    [Fact]
    public void One_qubit_passes_with_the_block_prefetch_give_the_same_amplitudes_as_without()
    {
        // 16 qubits: targets whose partners sit 512 B to 32 KiB away take the prefetching loop (a hint only: same arithmetic).
        const int n = 16;
        var rx = new Complex[4];
        Gates.Matrix1(GateKind.RX, [0.7], rx);
        var start = RandomCircuits.RandomState(n, new Random(3));
        for (var q = 0; q < n; q++)
        {
            Assert.Equal(n - 1 - q is >= 6 and <= 12, BlockPrefetch.Ahead<double>(n, n - 1 - q, -1) > 0);
            var with = start.Clone();
            with.Apply1(q, rx);
            BlockPrefetch.Enabled = false;
            try
            {
                var without = start.Clone();
                without.Apply1(q, rx);
                Assert.Equal(without.Re, with.Re);
                Assert.Equal(without.Im, with.Im);
            }
            finally
            {
                BlockPrefetch.Enabled = true;
            }
        }
    }
}
