using System.Numerics;
using System.Runtime.Intrinsics;

namespace NasPlatform.Quantum.Simulator.Kernels;

/// <summary>
/// Applies a 2×2 matrix to one bit of the index (<c>target</c>), optionally only where another bit
/// (<c>control</c>, -1 for none) is 1, and hands the results to a sink. Bits are index bit positions,
/// not qubit numbers. Where the control bit sits inside a vector, lanes with control 0 get the matrix
/// <c>uncontrolledFill·I</c>: 1 leaves them unchanged (a gate), 0 drops them (a generator for ⟨λ|G|ψ⟩).
/// </summary>
internal static class OneQubitKernel
{
    public static void Run<TSink>(
        double[] re, double[] im, int numQubits, int target, int control, ReadOnlySpan<Complex> m,
        double uncontrolledFill, ref TSink sink, Slice slice = default)
        where TSink : struct, IAmplitudeSink
    {
        if (!Simd.Usable(numQubits))
        {
            RunScalar(re, im, numQubits, target, control, m, ref sink, slice);
        }
        else if (target >= 2)
        {
            RunCross(re, im, numQubits, target, control, m, uncontrolledFill, ref sink, slice);
        }
        else if (target == 0)
        {
            RunLane<TSink, Xor1>(re, im, numQubits, target, control, m, uncontrolledFill, ref sink, slice);
        }
        else
        {
            RunLane<TSink, Xor2>(re, im, numQubits, target, control, m, uncontrolledFill, ref sink, slice);
        }
    }

    private static void RunScalar<TSink>(
        double[] re, double[] im, int numQubits, int target, int control, ReadOnlySpan<Complex> m, ref TSink sink, Slice slice = default)
        where TSink : struct, IAmplitudeSink
    {
        if (!slice.IsFirst)
        {
            return;
        }

        var length = 1 << numQubits;
        var stride = 1 << target;
        for (var a = 0; a < length; a++)
        {
            if ((a & stride) != 0 || (control >= 0 && ((a >> control) & 1) == 0))
            {
                continue;
            }

            var b = a | stride;
            var x = new Complex(re[a], im[a]);
            var y = new Complex(re[b], im[b]);
            var outA = m[0] * x + m[1] * y;
            var outB = m[2] * x + m[3] * y;
            sink.PutScalar(a, outA.Real, outA.Imaginary);
            sink.PutScalar(b, outB.Real, outB.Imaginary);
        }
    }

    /// <summary>Target bit ≥ 2: the pair partners lie in different vectors.</summary>
    private static void RunCross<TSink>(
        double[] re, double[] im, int numQubits, int target, int control, ReadOnlySpan<Complex> m,
        double fill, ref TSink sink, Slice slice = default)
        where TSink : struct, IAmplitudeSink
    {
        // coefficients[entry * 4 + lane]: the matrix entry each lane uses (identity·fill where the in-lane control is 0).
        Span<Complex> coefficients = stackalloc Complex[16];
        for (var entry = 0; entry < 4; entry++)
        {
            for (var l = 0; l < 4; l++)
            {
                var off = control is 0 or 1 && ((l >> control) & 1) == 0;
                coefficients[entry * 4 + l] = off ? (entry is 0 or 3 ? fill : 0.0) : m[entry];
            }
        }

        var m00r = Real(coefficients, 0);
        var m00i = Imaginary(coefficients, 0);
        var m01r = Real(coefficients, 1);
        var m01i = Imaginary(coefficients, 1);
        var m10r = Real(coefficients, 2);
        var m10i = Imaginary(coefficients, 2);
        var m11r = Real(coefficients, 3);
        var m11i = Imaginary(coefficients, 3);

        var vectors = (1 << numQubits) / Simd.Lanes;
        var vt = target - 2;
        var vc = control >= 2 ? control - 2 : -1;
        var count = vectors >> (vc >= 0 ? 2 : 1);
        var lowest = vc >= 0 ? Math.Min(vt, vc) : vt;
        var highest = vc >= 0 ? Math.Max(vt, vc) : -1;
        var run = Math.Min(1 << lowest, count);
        var controlBit = vc >= 0 ? 1 << vc : 0;
        var partner = 1 << target;

        var (from, to) = slice.Range(count, run);
        var ahead = BlockPrefetch.Ahead<double>(numQubits, target, control);
        var staged = typeof(TSink) == typeof(StoreSink) && FarPartnerStaging.Applies<double>(target);
        ReadOnlySpan<Vector256<double>> stagedCoefficients = staged ? [m00r, m00i, m01r, m01i, m10r, m10i, m11r, m11i] : [];
        for (var i = from; i < to; i += run)
        {
            var baseVector = Simd.InsertZero(i, lowest);
            if (highest >= 0)
            {
                baseVector = Simd.InsertZero(baseVector, highest);
            }

            var a = (baseVector | controlBit) * Simd.Lanes;
            var end = a + run * Simd.Lanes;
            if (staged)
            {
                // Only a StoreSink writes back into re/im, which is what the staged pass does itself.
                FarPartnerStaging.Run(re, im, a, end, partner, stagedCoefficients);
                continue;
            }

            for (; a < end; a += Simd.Lanes)
            {
                var b = a + partner;
                if (ahead > 0)
                {
                    BlockPrefetch.Step(re, im, a, target, ahead);
                }

                var ar = Simd.Load(re, a);
                var ai = Simd.Load(im, a);
                var br = Simd.Load(re, b);
                var bi = Simd.Load(im, b);

                Simd.CMul(m00r, m00i, ar, ai, out var outAr, out var outAi);
                Simd.CMulAdd(m01r, m01i, br, bi, ref outAr, ref outAi);
                Simd.CMul(m10r, m10i, ar, ai, out var outBr, out var outBi);
                Simd.CMulAdd(m11r, m11i, br, bi, ref outBr, ref outBi);

                sink.Put(a, outAr, outAi);
                sink.Put(b, outBr, outBi);
            }
        }
    }

    /// <summary>Target bit 0 or 1: both partners sit in the same vector; out = cs·x + cp·perm(x).</summary>
    private static void RunLane<TSink, TPerm>(
        double[] re, double[] im, int numQubits, int target, int control, ReadOnlySpan<Complex> m,
        double fill, ref TSink sink, Slice slice = default)
        where TSink : struct, IAmplitudeSink
        where TPerm : struct, ILanePermute
    {
        Span<Complex> self = stackalloc Complex[4];
        Span<Complex> partner = stackalloc Complex[4];
        for (var l = 0; l < 4; l++)
        {
            var bit = (l >> target) & 1;
            if (control is 0 or 1 && ((l >> control) & 1) == 0)
            {
                self[l] = fill;
                partner[l] = 0;
            }
            else
            {
                self[l] = bit == 0 ? m[0] : m[3];
                partner[l] = bit == 0 ? m[1] : m[2];
            }
        }

        var sr = Real(self, 0);
        var si = Imaginary(self, 0);
        var pr = Real(partner, 0);
        var pi = Imaginary(partner, 0);

        var vectors = (1 << numQubits) / Simd.Lanes;
        var vc = control >= 2 ? control - 2 : -1;
        var count = vc >= 0 ? vectors >> 1 : vectors;
        var run = vc >= 0 ? Math.Min(1 << vc, count) : count;
        var controlBit = vc >= 0 ? 1 << vc : 0;

        var (from, to) = slice.Range(count, run);
        for (var i = from; i < to; i += run)
        {
            var baseVector = vc >= 0 ? Simd.InsertZero(i, vc) | controlBit : i;
            var a = baseVector * Simd.Lanes;
            var end = a + run * Simd.Lanes;
            for (; a < end; a += Simd.Lanes)
            {
                var xr = Simd.Load(re, a);
                var xi = Simd.Load(im, a);
                Simd.CMul(sr, si, xr, xi, out var outR, out var outI);
                Simd.CMulAdd(pr, pi, TPerm.Apply(xr), TPerm.Apply(xi), ref outR, ref outI);
                sink.Put(a, outR, outI);
            }
        }
    }

    internal static Vector256<double> Real(ReadOnlySpan<Complex> c, int entry) =>
        Vector256.Create(c[entry * 4].Real, c[entry * 4 + 1].Real, c[entry * 4 + 2].Real, c[entry * 4 + 3].Real);

    internal static Vector256<double> Imaginary(ReadOnlySpan<Complex> c, int entry) =>
        Vector256.Create(c[entry * 4].Imaginary, c[entry * 4 + 1].Imaginary, c[entry * 4 + 2].Imaginary, c[entry * 4 + 3].Imaginary);
}
