using System.Numerics;
using System.Runtime.Intrinsics;

namespace NasPlatform.Quantum.Simulator.Kernels;

/// <summary>
/// The complex64 4×4 pass over index bits (high, low), high being the matrix's high index bit. Three vectorized
/// shapes: both bits pair whole vectors (≥ 3); one bit pairs vectors and the other is in-lane (partners by a
/// lane permutation); both in-lane (all four amplitudes of a group in one vector, three permutations). The
/// scalar loop is the reference and serves registers below three qubits.
/// </summary>
internal static class TwoQubitKernelSingle
{
    public static void Run(float[] re, float[] im, int numQubits, int high, int low, ReadOnlySpan<Complex> m)
    {
        if (!SimdSingle.Usable(numQubits))
        {
            RunScalar(re, im, numQubits, high, low, m);
        }
        else if (Math.Min(high, low) >= SimdSingle.LaneBits)
        {
            RunCross(re, im, numQubits, high, low, m);
        }
        else if (Math.Max(high, low) >= SimdSingle.LaneBits)
        {
            TwoQubitKernelSingleLanes.RunMixed(re, im, numQubits, high, low, m);
        }
        else
        {
            TwoQubitKernelSingleLanes.RunInLane(re, im, numQubits, high, low, m);
        }
    }

    internal static void RunScalar(float[] re, float[] im, int numQubits, int high, int low, ReadOnlySpan<Complex> m)
    {
        var length = 1 << numQubits;
        var (hb, lb) = (1 << high, 1 << low);
        Span<Complex> x = stackalloc Complex[4];
        Span<int> index = stackalloc int[4];
        for (var a = 0; a < length; a++)
        {
            if ((a & hb) != 0 || (a & lb) != 0)
            {
                continue;
            }

            (index[0], index[1], index[2], index[3]) = (a, a | lb, a | hb, a | hb | lb);
            for (var k = 0; k < 4; k++)
            {
                x[k] = new Complex(re[index[k]], im[index[k]]);
            }

            for (var r = 0; r < 4; r++)
            {
                var y = m[4 * r] * x[0] + m[4 * r + 1] * x[1] + m[4 * r + 2] * x[2] + m[4 * r + 3] * x[3];
                (re[index[r]], im[index[r]]) = ((float)y.Real, (float)y.Imaginary);
            }
        }
    }

    private static void RunCross(float[] re, float[] im, int numQubits, int high, int low, ReadOnlySpan<Complex> m)
    {
        Span<Vector256<float>> cr = stackalloc Vector256<float>[16];
        Span<Vector256<float>> ci = stackalloc Vector256<float>[16];
        for (var k = 0; k < 16; k++)
        {
            cr[k] = Vector256.Create((float)m[k].Real);
            ci[k] = Vector256.Create((float)m[k].Imaginary);
        }

        var vectors = (1 << numQubits) / SimdSingle.Lanes;
        var (vh, vl) = (high - SimdSingle.LaneBits, low - SimdSingle.LaneBits);
        var (lowest, highest) = (Math.Min(vh, vl), Math.Max(vh, vl));
        var count = vectors >> 2;
        var run = Math.Min(1 << lowest, count);
        Span<int> offset = [0, 1 << low, 1 << high, (1 << high) | (1 << low)];
        Span<Vector256<float>> xr = stackalloc Vector256<float>[4];
        Span<Vector256<float>> xi = stackalloc Vector256<float>[4];
        for (var i = 0; i < count; i += run)
        {
            var a = Simd.InsertZero(Simd.InsertZero(i, lowest), highest) * SimdSingle.Lanes;
            var end = a + run * SimdSingle.Lanes;
            for (; a < end; a += SimdSingle.Lanes)
            {
                for (var k = 0; k < 4; k++)
                {
                    xr[k] = SimdSingle.Load(re, a + offset[k]);
                    xi[k] = SimdSingle.Load(im, a + offset[k]);
                }

                for (var r = 0; r < 4; r++)
                {
                    SimdSingle.CMul(cr[4 * r], ci[4 * r], xr[0], xi[0], out var yr, out var yi);
                    SimdSingle.CMulAdd(cr[4 * r + 1], ci[4 * r + 1], xr[1], xi[1], ref yr, ref yi);
                    SimdSingle.CMulAdd(cr[4 * r + 2], ci[4 * r + 2], xr[2], xi[2], ref yr, ref yi);
                    SimdSingle.CMulAdd(cr[4 * r + 3], ci[4 * r + 3], xr[3], xi[3], ref yr, ref yi);
                    SimdSingle.Store(re, a + offset[r], yr);
                    SimdSingle.Store(im, a + offset[r], yi);
                }
            }
        }
    }
}
