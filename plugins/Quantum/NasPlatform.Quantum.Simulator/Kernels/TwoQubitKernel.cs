using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NasPlatform.Quantum.Simulator.Kernels;

/// <summary>
/// Applies a 4×4 matrix over the local index r = 2·bit(high) + bit(low) of two index bits and hands the
/// results to a sink. Bits ≥ 2 select different vectors; bits 0 and 1 live inside a vector and are
/// reached with lane permutations, so every case runs on full vectors.
/// </summary>
internal static class TwoQubitKernel
{
    public static void Run<TSink>(
        double[] re, double[] im, int numQubits, int high, int low, ReadOnlySpan<Complex> m, ref TSink sink, Slice slice = default)
        where TSink : struct, IAmplitudeSink
    {
        if (high == low)
        {
            throw new ArgumentException("A two-qubit gate needs two different qubits.");
        }

        if (!Simd.Usable(numQubits))
        {
            RunScalar(re, im, numQubits, high, low, m, ref sink, slice);
        }
        else if (high >= 2 && low >= 2)
        {
            RunCross(re, im, numQubits, high, low, m, ref sink, slice);
        }
        else if (high >= 2 || low >= 2)
        {
            var laneBit = high >= 2 ? low : high;
            if (laneBit == 0)
            {
                RunMixed<TSink, Xor1>(re, im, numQubits, high, low, m, ref sink, slice);
            }
            else
            {
                RunMixed<TSink, Xor2>(re, im, numQubits, high, low, m, ref sink, slice);
            }
        }
        else
        {
            RunLanes(re, im, numQubits, high, low, m, ref sink, slice);
        }
    }

    private static void RunScalar<TSink>(
        double[] re, double[] im, int numQubits, int high, int low, ReadOnlySpan<Complex> m, ref TSink sink, Slice slice = default)
        where TSink : struct, IAmplitudeSink
    {
        if (!slice.IsFirst)
        {
            return;
        }

        var length = 1 << numQubits;
        Span<int> index = stackalloc int[4];
        Span<Complex> x = stackalloc Complex[4];
        for (var i = 0; i < length; i++)
        {
            if (((i >> high) & 1) != 0 || ((i >> low) & 1) != 0)
            {
                continue;
            }

            index[0] = i;
            index[1] = i | (1 << low);
            index[2] = i | (1 << high);
            index[3] = i | (1 << high) | (1 << low);
            for (var k = 0; k < 4; k++)
            {
                x[k] = new Complex(re[index[k]], im[index[k]]);
            }

            for (var r = 0; r < 4; r++)
            {
                var sum = m[r * 4] * x[0] + m[r * 4 + 1] * x[1] + m[r * 4 + 2] * x[2] + m[r * 4 + 3] * x[3];
                sink.PutScalar(index[r], sum.Real, sum.Imaginary);
            }
        }
    }

    private static void RunCross<TSink>(
        double[] re, double[] im, int numQubits, int high, int low, ReadOnlySpan<Complex> m, ref TSink sink, Slice slice = default)
        where TSink : struct, IAmplitudeSink
    {
        Span<Vector256<double>> cr = stackalloc Vector256<double>[16];
        Span<Vector256<double>> ci = stackalloc Vector256<double>[16];
        for (var k = 0; k < 16; k++)
        {
            cr[k] = Vector256.Create(m[k].Real);
            ci[k] = Vector256.Create(m[k].Imaginary);
        }

        var vectors = (1 << numQubits) / Simd.Lanes;
        var lowest = Math.Min(high, low) - 2;
        var highest = Math.Max(high, low) - 2;
        var count = vectors >> 2;
        var run = Math.Min(1 << lowest, count);
        var offLow = 1 << low;
        var offHigh = 1 << high;
        ref var c = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(cr);
        ref var d = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(ci);

        var (from, to) = slice.Range(count, run);
        for (var i = from; i < to; i += run)
        {
            var a = Simd.InsertZero(Simd.InsertZero(i, lowest), highest) * Simd.Lanes;
            var end = a + run * Simd.Lanes;
            for (; a < end; a += Simd.Lanes)
            {
                var i1 = a + offLow;
                var i2 = a + offHigh;
                var i3 = i2 + offLow;
                var x0r = Simd.Load(re, a);
                var x0i = Simd.Load(im, a);
                var x1r = Simd.Load(re, i1);
                var x1i = Simd.Load(im, i1);
                var x2r = Simd.Load(re, i2);
                var x2i = Simd.Load(im, i2);
                var x3r = Simd.Load(re, i3);
                var x3i = Simd.Load(im, i3);
                for (var row = 0; row < 4; row++)
                {
                    var k = row * 4;
                    Simd.CMul(Unsafe.Add(ref c, k), Unsafe.Add(ref d, k), x0r, x0i, out var outR, out var outI);
                    Simd.CMulAdd(Unsafe.Add(ref c, k + 1), Unsafe.Add(ref d, k + 1), x1r, x1i, ref outR, ref outI);
                    Simd.CMulAdd(Unsafe.Add(ref c, k + 2), Unsafe.Add(ref d, k + 2), x2r, x2i, ref outR, ref outI);
                    Simd.CMulAdd(Unsafe.Add(ref c, k + 3), Unsafe.Add(ref d, k + 3), x3r, x3i, ref outR, ref outI);
                    sink.Put(row switch { 0 => a, 1 => i1, 2 => i2, _ => i3 }, outR, outI);
                }
            }
        }
    }

    /// <summary>One bit crosses vectors, the other sits in the lanes.</summary>
    private static void RunMixed<TSink, TPerm>(
        double[] re, double[] im, int numQubits, int high, int low, ReadOnlySpan<Complex> m, ref TSink sink, Slice slice = default)
        where TSink : struct, IAmplitudeSink
        where TPerm : struct, ILanePermute
    {
        var highCrosses = high >= 2;
        var crossBit = highCrosses ? high : low;
        var laneBit = highCrosses ? low : high;

        // coefficient (j, i, p)[lane] = m[local(j, lb), local(i, lb ^ p)], j/i the cross bit of output/input
        // vector, p whether the input is lane-permuted, lb the lane's own bit.
        Span<Complex> c = stackalloc Complex[32];
        for (var j = 0; j < 2; j++)
        {
            for (var i = 0; i < 2; i++)
            {
                for (var p = 0; p < 2; p++)
                {
                    for (var l = 0; l < 4; l++)
                    {
                        var lb = (l >> laneBit) & 1;
                        var row = Local(j, lb);
                        var col = Local(i, lb ^ p);
                        c[(((j * 2) + i) * 2 + p) * 4 + l] = m[row * 4 + col];
                    }
                }
            }
        }

        int Local(int crossValue, int laneValue) => highCrosses ? 2 * crossValue + laneValue : 2 * laneValue + crossValue;

        var c000r = OneQubitKernel.Real(c, 0);
        var c000i = OneQubitKernel.Imaginary(c, 0);
        var c001r = OneQubitKernel.Real(c, 1);
        var c001i = OneQubitKernel.Imaginary(c, 1);
        var c010r = OneQubitKernel.Real(c, 2);
        var c010i = OneQubitKernel.Imaginary(c, 2);
        var c011r = OneQubitKernel.Real(c, 3);
        var c011i = OneQubitKernel.Imaginary(c, 3);
        var c100r = OneQubitKernel.Real(c, 4);
        var c100i = OneQubitKernel.Imaginary(c, 4);
        var c101r = OneQubitKernel.Real(c, 5);
        var c101i = OneQubitKernel.Imaginary(c, 5);
        var c110r = OneQubitKernel.Real(c, 6);
        var c110i = OneQubitKernel.Imaginary(c, 6);
        var c111r = OneQubitKernel.Real(c, 7);
        var c111i = OneQubitKernel.Imaginary(c, 7);

        var vectors = (1 << numQubits) / Simd.Lanes;
        var vx = crossBit - 2;
        var count = vectors >> 1;
        var run = Math.Min(1 << vx, count);
        var partner = 1 << crossBit;

        var (from, to) = slice.Range(count, run);
        for (var i = from; i < to; i += run)
        {
            var a = Simd.InsertZero(i, vx) * Simd.Lanes;
            var end = a + run * Simd.Lanes;
            for (; a < end; a += Simd.Lanes)
            {
                var b = a + partner;
                var x0r = Simd.Load(re, a);
                var x0i = Simd.Load(im, a);
                var x1r = Simd.Load(re, b);
                var x1i = Simd.Load(im, b);
                var p0r = TPerm.Apply(x0r);
                var p0i = TPerm.Apply(x0i);
                var p1r = TPerm.Apply(x1r);
                var p1i = TPerm.Apply(x1i);

                Simd.CMul(c000r, c000i, x0r, x0i, out var o0r, out var o0i);
                Simd.CMulAdd(c001r, c001i, p0r, p0i, ref o0r, ref o0i);
                Simd.CMulAdd(c010r, c010i, x1r, x1i, ref o0r, ref o0i);
                Simd.CMulAdd(c011r, c011i, p1r, p1i, ref o0r, ref o0i);

                Simd.CMul(c100r, c100i, x0r, x0i, out var o1r, out var o1i);
                Simd.CMulAdd(c101r, c101i, p0r, p0i, ref o1r, ref o1i);
                Simd.CMulAdd(c110r, c110i, x1r, x1i, ref o1r, ref o1i);
                Simd.CMulAdd(c111r, c111i, p1r, p1i, ref o1r, ref o1i);

                sink.Put(a, o0r, o0i);
                sink.Put(b, o1r, o1i);
            }
        }
    }

    /// <summary>Both bits inside a vector (bits 0 and 1): out = Σ_p c_p · x[lane XOR p].</summary>
    private static void RunLanes<TSink>(
        double[] re, double[] im, int numQubits, int high, int low, ReadOnlySpan<Complex> m, ref TSink sink, Slice slice = default)
        where TSink : struct, IAmplitudeSink
    {
        Span<Complex> c = stackalloc Complex[16];
        for (var p = 0; p < 4; p++)
        {
            for (var l = 0; l < 4; l++)
            {
                c[p * 4 + l] = m[Local(l) * 4 + Local(l ^ p)];
            }
        }

        int Local(int lane) => (((lane >> high) & 1) << 1) | ((lane >> low) & 1);

        var c0r = OneQubitKernel.Real(c, 0);
        var c0i = OneQubitKernel.Imaginary(c, 0);
        var c1r = OneQubitKernel.Real(c, 1);
        var c1i = OneQubitKernel.Imaginary(c, 1);
        var c2r = OneQubitKernel.Real(c, 2);
        var c2i = OneQubitKernel.Imaginary(c, 2);
        var c3r = OneQubitKernel.Real(c, 3);
        var c3i = OneQubitKernel.Imaginary(c, 3);

        var (from, to) = slice.Range((1 << numQubits) / Simd.Lanes, 1);
        for (var a = from * Simd.Lanes; a < to * Simd.Lanes; a += Simd.Lanes)
        {
            var xr = Simd.Load(re, a);
            var xi = Simd.Load(im, a);
            Simd.CMul(c0r, c0i, xr, xi, out var outR, out var outI);
            Simd.CMulAdd(c1r, c1i, Xor1.Apply(xr), Xor1.Apply(xi), ref outR, ref outI);
            Simd.CMulAdd(c2r, c2i, Xor2.Apply(xr), Xor2.Apply(xi), ref outR, ref outI);
            Simd.CMulAdd(c3r, c3i, Xor3.Apply(xr), Xor3.Apply(xi), ref outR, ref outI);
            sink.Put(a, outR, outI);
        }
    }
}
