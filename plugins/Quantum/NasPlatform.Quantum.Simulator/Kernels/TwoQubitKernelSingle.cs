using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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

    /// <summary>Whether the cross-vector case runs unrolled (the default) or on the earlier loop (the benchmark times both).</summary>
    public static bool Unrolled { get; set; } = true;

    private static void RunCross(float[] re, float[] im, int numQubits, int high, int low, ReadOnlySpan<Complex> m)
    {
        if (!Unrolled)
        {
            RunCrossLoop(re, im, numQubits, high, low, m);
            return;
        }

        // c[2·(4·row + column)] = re, + 1 = im, broadcast.
        Span<Vector256<float>> c = stackalloc Vector256<float>[32];
        for (var k = 0; k < 16; k++)
        {
            c[2 * k] = Vector256.Create((float)m[k].Real);
            c[(2 * k) + 1] = Vector256.Create((float)m[k].Imaginary);
        }

        var vectors = (1 << numQubits) / SimdSingle.Lanes;
        var (vh, vl) = (high - SimdSingle.LaneBits, low - SimdSingle.LaneBits);
        var (lowest, highest) = (Math.Min(vh, vl), Math.Max(vh, vl));
        var count = vectors >> 2;
        var run = Math.Min(1 << lowest, count);
        var (o1, o2) = (1 << low, 1 << high);
        ref var cs = ref MemoryMarshal.GetReference(c);
        for (var i = 0; i < count; i += run)
        {
            var a = Simd.InsertZero(Simd.InsertZero(i, lowest), highest) * SimdSingle.Lanes;
            var end = a + run * SimdSingle.Lanes;
            for (; a < end; a += SimdSingle.Lanes)
            {
                var x = new Quad(
                    SimdSingle.Load(re, a), SimdSingle.Load(im, a), SimdSingle.Load(re, a + o1), SimdSingle.Load(im, a + o1),
                    SimdSingle.Load(re, a + o2), SimdSingle.Load(im, a + o2), SimdSingle.Load(re, a + o2 + o1), SimdSingle.Load(im, a + o2 + o1));
                TwoRows(ref cs, x, out var y0r, out var y0i, out var y1r, out var y1i);
                TwoRows(ref Unsafe.Add(ref cs, 16), x, out var y2r, out var y2i, out var y3r, out var y3i);
                SimdSingle.Store(re, a, y0r);
                SimdSingle.Store(im, a, y0i);
                SimdSingle.Store(re, a + o1, y1r);
                SimdSingle.Store(im, a + o1, y1i);
                SimdSingle.Store(re, a + o2, y2r);
                SimdSingle.Store(im, a + o2, y2i);
                SimdSingle.Store(re, a + o2 + o1, y3r);
                SimdSingle.Store(im, a + o2 + o1, y3i);
            }
        }
    }

    /// <summary>
    /// Rows r, r + 1 (c at row r's eight coefficient vectors) in eight independent accumulators (Σ c_re·x_re, Σ c_im·x_im,
    /// Σ c_re·x_im, Σ c_im·x_re per row), so that the FMAs do not queue on one accumulator's latency.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void TwoRows(
        ref Vector256<float> c, in Quad x,
        out Vector256<float> y0r, out Vector256<float> y0i, out Vector256<float> y1r, out Vector256<float> y1i)
    {
        var (rr0, ii0, ri0, ir0) = (c * x.R0, Unsafe.Add(ref c, 1) * x.I0, c * x.I0, Unsafe.Add(ref c, 1) * x.R0);
        ref var d = ref Unsafe.Add(ref c, 8);
        var (rr1, ii1, ri1, ir1) = (d * x.R0, Unsafe.Add(ref d, 1) * x.I0, d * x.I0, Unsafe.Add(ref d, 1) * x.R0);
        Term(ref c, ref d, 2, x.R1, x.I1, ref rr0, ref ii0, ref ri0, ref ir0, ref rr1, ref ii1, ref ri1, ref ir1);
        Term(ref c, ref d, 4, x.R2, x.I2, ref rr0, ref ii0, ref ri0, ref ir0, ref rr1, ref ii1, ref ri1, ref ir1);
        Term(ref c, ref d, 6, x.R3, x.I3, ref rr0, ref ii0, ref ri0, ref ir0, ref rr1, ref ii1, ref ri1, ref ir1);
        (y0r, y0i, y1r, y1i) = (rr0 - ii0, ri0 + ir0, rr1 - ii1, ri1 + ir1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Term(
        ref Vector256<float> c, ref Vector256<float> d, int at, Vector256<float> xr, Vector256<float> xi,
        ref Vector256<float> rr0, ref Vector256<float> ii0, ref Vector256<float> ri0, ref Vector256<float> ir0,
        ref Vector256<float> rr1, ref Vector256<float> ii1, ref Vector256<float> ri1, ref Vector256<float> ir1)
    {
        var (a0, b0, a1, b1) = (Unsafe.Add(ref c, at), Unsafe.Add(ref c, at + 1), Unsafe.Add(ref d, at), Unsafe.Add(ref d, at + 1));
        rr0 = SimdSingle.MulAdd(a0, xr, rr0);
        ii0 = SimdSingle.MulAdd(b0, xi, ii0);
        ri0 = SimdSingle.MulAdd(a0, xi, ri0);
        ir0 = SimdSingle.MulAdd(b0, xr, ir0);
        rr1 = SimdSingle.MulAdd(a1, xr, rr1);
        ii1 = SimdSingle.MulAdd(b1, xi, ii1);
        ri1 = SimdSingle.MulAdd(a1, xi, ri1);
        ir1 = SimdSingle.MulAdd(b1, xr, ir1);
    }

    /// <summary>The four input vectors of a group (re and im).</summary>
    private readonly record struct Quad(
        Vector256<float> R0, Vector256<float> I0, Vector256<float> R1, Vector256<float> I1,
        Vector256<float> R2, Vector256<float> I2, Vector256<float> R3, Vector256<float> I3);

    private static void RunCrossLoop(float[] re, float[] im, int numQubits, int high, int low, ReadOnlySpan<Complex> m)
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
