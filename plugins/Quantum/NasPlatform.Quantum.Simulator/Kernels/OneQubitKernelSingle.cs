using System.Numerics;
using System.Runtime.Intrinsics;

namespace NasPlatform.Quantum.Simulator.Kernels;

/// <summary>
/// The complex64 counterpart of <see cref="OneQubitKernel"/>: a 2×2 matrix on one index bit (<c>target</c>),
/// optionally only where another bit (<c>control</c>, −1 for none) is 1, stored back into the state. Eight
/// amplitudes per vector, so bits 0-2 are in-lane (lane permutations) and bits ≥ 3 pair whole vectors.
/// </summary>
internal static class OneQubitKernelSingle
{
    public static void Run(float[] re, float[] im, int numQubits, int target, int control, ReadOnlySpan<Complex> m)
    {
        if (!SimdSingle.Usable(numQubits))
        {
            RunScalar(re, im, numQubits, target, control, m);
        }
        else if (target >= SimdSingle.LaneBits)
        {
            RunCross(re, im, numQubits, target, control, m);
        }
        else if (target == 0)
        {
            RunLane<XorSingle1>(re, im, numQubits, target, control, m);
        }
        else if (target == 1)
        {
            RunLane<XorSingle2>(re, im, numQubits, target, control, m);
        }
        else
        {
            RunLane<XorSingle4>(re, im, numQubits, target, control, m);
        }
    }

    /// <summary>Reference loop (and registers below three qubits); products in double, rounded once per amplitude.</summary>
    internal static void RunScalar(float[] re, float[] im, int numQubits, int target, int control, ReadOnlySpan<Complex> m)
    {
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
            (re[a], im[a]) = ((float)outA.Real, (float)outA.Imaginary);
            (re[b], im[b]) = ((float)outB.Real, (float)outB.Imaginary);
        }
    }

    /// <summary>Target bit ≥ 3: the pair partners lie in different vectors.</summary>
    private static void RunCross(float[] re, float[] im, int numQubits, int target, int control, ReadOnlySpan<Complex> m)
    {
        // Lanes whose in-lane control bit is 0 get the identity.
        Span<Complex> lanes = stackalloc Complex[SimdSingle.Lanes];
        Span<Vector256<float>> c = stackalloc Vector256<float>[8];
        for (var entry = 0; entry < 4; entry++)
        {
            for (var l = 0; l < SimdSingle.Lanes; l++)
            {
                var off = control is >= 0 and < SimdSingle.LaneBits && ((l >> control) & 1) == 0;
                lanes[l] = off ? (entry is 0 or 3 ? Complex.One : Complex.Zero) : m[entry];
            }

            c[2 * entry] = SimdSingle.Real(lanes);
            c[2 * entry + 1] = SimdSingle.Imaginary(lanes);
        }

        var (m00r, m00i, m01r, m01i, m10r, m10i, m11r, m11i) = (c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]);
        var vectors = (1 << numQubits) / SimdSingle.Lanes;
        var vt = target - SimdSingle.LaneBits;
        var vc = control >= SimdSingle.LaneBits ? control - SimdSingle.LaneBits : -1;
        var count = vectors >> (vc >= 0 ? 2 : 1);
        var lowest = vc >= 0 ? Math.Min(vt, vc) : vt;
        var highest = vc >= 0 ? Math.Max(vt, vc) : -1;
        var run = Math.Min(1 << lowest, count);
        var controlBit = vc >= 0 ? 1 << vc : 0;
        var partner = 1 << target;
        var ahead = BlockPrefetch.Ahead<float>(numQubits, target, control);
        var staged = FarPartnerStaging.Applies<float>(target);
        for (var i = 0; i < count; i += run)
        {
            var baseVector = Simd.InsertZero(i, lowest);
            if (highest >= 0)
            {
                baseVector = Simd.InsertZero(baseVector, highest);
            }

            var a = (baseVector | controlBit) * SimdSingle.Lanes;
            var end = a + run * SimdSingle.Lanes;
            if (staged)
            {
                FarPartnerStaging.Run(re, im, a, end, partner, c);
                continue;
            }

            for (; a < end; a += SimdSingle.Lanes)
            {
                var b = a + partner;
                if (ahead > 0)
                {
                    BlockPrefetch.Step(re, im, a, target, ahead);
                }

                var ar = SimdSingle.Load(re, a);
                var ai = SimdSingle.Load(im, a);
                var br = SimdSingle.Load(re, b);
                var bi = SimdSingle.Load(im, b);
                SimdSingle.CMul(m00r, m00i, ar, ai, out var outAr, out var outAi);
                SimdSingle.CMulAdd(m01r, m01i, br, bi, ref outAr, ref outAi);
                SimdSingle.CMul(m10r, m10i, ar, ai, out var outBr, out var outBi);
                SimdSingle.CMulAdd(m11r, m11i, br, bi, ref outBr, ref outBi);
                SimdSingle.Store(re, a, outAr);
                SimdSingle.Store(im, a, outAi);
                SimdSingle.Store(re, b, outBr);
                SimdSingle.Store(im, b, outBi);
            }
        }
    }

    /// <summary>Target bit 0-2: both partners sit in the same vector; out = cs·x + cp·perm(x).</summary>
    private static void RunLane<TPerm>(float[] re, float[] im, int numQubits, int target, int control, ReadOnlySpan<Complex> m)
        where TPerm : struct, ILanePermuteSingle
    {
        Span<Complex> self = stackalloc Complex[SimdSingle.Lanes];
        Span<Complex> partner = stackalloc Complex[SimdSingle.Lanes];
        for (var l = 0; l < SimdSingle.Lanes; l++)
        {
            var bit = (l >> target) & 1;
            if (control is >= 0 and < SimdSingle.LaneBits && ((l >> control) & 1) == 0)
            {
                (self[l], partner[l]) = (Complex.One, Complex.Zero);
            }
            else
            {
                self[l] = bit == 0 ? m[0] : m[3];
                partner[l] = bit == 0 ? m[1] : m[2];
            }
        }

        var (sr, si) = (SimdSingle.Real(self), SimdSingle.Imaginary(self));
        var (pr, pi) = (SimdSingle.Real(partner), SimdSingle.Imaginary(partner));
        var vectors = (1 << numQubits) / SimdSingle.Lanes;
        var vc = control >= SimdSingle.LaneBits ? control - SimdSingle.LaneBits : -1;
        var count = vc >= 0 ? vectors >> 1 : vectors;
        var run = vc >= 0 ? Math.Min(1 << vc, count) : count;
        var controlBit = vc >= 0 ? 1 << vc : 0;
        for (var i = 0; i < count; i += run)
        {
            var a = (vc >= 0 ? Simd.InsertZero(i, vc) | controlBit : i) * SimdSingle.Lanes;
            var end = a + run * SimdSingle.Lanes;
            for (; a < end; a += SimdSingle.Lanes)
            {
                var xr = SimdSingle.Load(re, a);
                var xi = SimdSingle.Load(im, a);
                SimdSingle.CMul(sr, si, xr, xi, out var outR, out var outI);
                SimdSingle.CMulAdd(pr, pi, TPerm.Apply(xr), TPerm.Apply(xi), ref outR, ref outI);
                SimdSingle.Store(re, a, outR);
                SimdSingle.Store(im, a, outI);
            }
        }
    }
}
