using System.Numerics;
using System.Runtime.Intrinsics;

namespace NasPlatform.Quantum.Simulator.Kernels;

/// <summary>
/// The in-lane shapes of <see cref="TwoQubitKernelSingle"/>. A group's partners inside one vector are reached by
/// a lane permutation (XOR of the lane index), so every output vector is a sum of per-lane coefficient vectors
/// times (permuted) input vectors: four complex multiply-adds per output vector, as in the cross-vector shape.
/// </summary>
internal static class TwoQubitKernelSingleLanes
{
    /// <summary>One bit ≥ 3 (pairs vectors a, a + 2^bit), the other in-lane.</summary>
    public static void RunMixed(float[] re, float[] im, int numQubits, int high, int low, ReadOnlySpan<Complex> m)
    {
        var vectorIsHigh = high >= SimdSingle.LaneBits;
        var (v, w) = vectorIsHigh ? (high, low) : (low, high);
        // c[bv * 4 + bv2 * 2 + dw][lane] = M[row(bv, bw), col(bv2, bw ^ dw)], bw the lane's in-lane bit.
        Span<Complex> lanes = stackalloc Complex[SimdSingle.Lanes];
        Span<Vector256<float>> cr = stackalloc Vector256<float>[8];
        Span<Vector256<float>> ci = stackalloc Vector256<float>[8];
        for (var k = 0; k < 8; k++)
        {
            var (bv, bv2, dw) = (k >> 2, (k >> 1) & 1, k & 1);
            for (var l = 0; l < SimdSingle.Lanes; l++)
            {
                var bw = (l >> w) & 1;
                var row = vectorIsHigh ? 2 * bv + bw : 2 * bw + bv;
                var col = vectorIsHigh ? 2 * bv2 + (bw ^ dw) : 2 * (bw ^ dw) + bv2;
                lanes[l] = m[4 * row + col];
            }

            (cr[k], ci[k]) = (SimdSingle.Real(lanes), SimdSingle.Imaginary(lanes));
        }

        var swap = SimdSingle.XorIndex(1 << w);
        var count = (1 << numQubits) / SimdSingle.Lanes >> 1;
        var vt = v - SimdSingle.LaneBits;
        var run = Math.Min(1 << vt, count);
        var partner = 1 << v;
        for (var i = 0; i < count; i += run)
        {
            var a = Simd.InsertZero(i, vt) * SimdSingle.Lanes;
            var end = a + run * SimdSingle.Lanes;
            for (; a < end; a += SimdSingle.Lanes)
            {
                var b = a + partner;
                var x0r = SimdSingle.Load(re, a);
                var x0i = SimdSingle.Load(im, a);
                var x1r = SimdSingle.Load(re, b);
                var x1i = SimdSingle.Load(im, b);
                var (p0r, p0i) = (SimdSingle.Permute(x0r, swap), SimdSingle.Permute(x0i, swap));
                var (p1r, p1i) = (SimdSingle.Permute(x1r, swap), SimdSingle.Permute(x1i, swap));
                for (var bv = 0; bv < 2; bv++)
                {
                    var k = 4 * bv;
                    SimdSingle.CMul(cr[k], ci[k], x0r, x0i, out var yr, out var yi);
                    SimdSingle.CMulAdd(cr[k + 1], ci[k + 1], p0r, p0i, ref yr, ref yi);
                    SimdSingle.CMulAdd(cr[k + 2], ci[k + 2], x1r, x1i, ref yr, ref yi);
                    SimdSingle.CMulAdd(cr[k + 3], ci[k + 3], p1r, p1i, ref yr, ref yi);
                    var at = bv == 0 ? a : b;
                    SimdSingle.Store(re, at, yr);
                    SimdSingle.Store(im, at, yi);
                }
            }
        }
    }

    /// <summary>Both bits in-lane: each vector holds whole groups; y = Σ_d C_d ⊙ P_d(x) over the four XOR offsets d.</summary>
    public static void RunInLane(float[] re, float[] im, int numQubits, int high, int low, ReadOnlySpan<Complex> m)
    {
        Span<Complex> lanes = stackalloc Complex[SimdSingle.Lanes];
        Span<Vector256<float>> cr = stackalloc Vector256<float>[4];
        Span<Vector256<float>> ci = stackalloc Vector256<float>[4];
        Span<int> masks = [0, 1 << low, 1 << high, (1 << high) | (1 << low)];
        for (var d = 0; d < 4; d++)
        {
            for (var l = 0; l < SimdSingle.Lanes; l++)
            {
                var j = l ^ masks[d];
                var row = 2 * ((l >> high) & 1) + ((l >> low) & 1);
                var col = 2 * ((j >> high) & 1) + ((j >> low) & 1);
                lanes[l] = m[4 * row + col];
            }

            (cr[d], ci[d]) = (SimdSingle.Real(lanes), SimdSingle.Imaginary(lanes));
        }

        var (c0r, c0i, c1r, c1i, c2r, c2i, c3r, c3i) = (cr[0], ci[0], cr[1], ci[1], cr[2], ci[2], cr[3], ci[3]);
        var (i1, i2, i3) = (SimdSingle.XorIndex(masks[1]), SimdSingle.XorIndex(masks[2]), SimdSingle.XorIndex(masks[3]));
        var length = 1 << numQubits;
        for (var a = 0; a < length; a += SimdSingle.Lanes)
        {
            var xr = SimdSingle.Load(re, a);
            var xi = SimdSingle.Load(im, a);
            SimdSingle.CMul(c0r, c0i, xr, xi, out var yr, out var yi);
            SimdSingle.CMulAdd(c1r, c1i, SimdSingle.Permute(xr, i1), SimdSingle.Permute(xi, i1), ref yr, ref yi);
            SimdSingle.CMulAdd(c2r, c2i, SimdSingle.Permute(xr, i2), SimdSingle.Permute(xi, i2), ref yr, ref yi);
            SimdSingle.CMulAdd(c3r, c3i, SimdSingle.Permute(xr, i3), SimdSingle.Permute(xi, i3), ref yr, ref yi);
            SimdSingle.Store(re, a, yr);
            SimdSingle.Store(im, a, yi);
        }
    }
}
