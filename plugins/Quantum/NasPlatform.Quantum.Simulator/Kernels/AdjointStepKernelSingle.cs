using System.Numerics;
using System.Runtime.Intrinsics;

namespace NasPlatform.Quantum.Simulator.Kernels;

/// <summary>
/// The complex64 counterpart of <see cref="AdjointStepKernel"/>: one pass over |ψ⟩ and |λ⟩ that accumulates
/// Im⟨λ|G|ψ⟩ for a (controlled) one-qubit generator and applies U† to both states. Each vector's contribution
/// is formed in single precision (eight products) and then widened and summed in double, so the sum over
/// 2^n amplitudes does not lose the small gradients of a nearly converged VQE to float rounding.
/// </summary>
internal static class AdjointStepKernelSingle
{
    /// <summary>Applies U† to both states and returns Im⟨λ|G|ψ⟩ (bits are index bits; control −1 for none).</summary>
    public static double Run(
        StateVectorSingle psi, StateVectorSingle lambda, int target, int control, ReadOnlySpan<Complex> inverse, ReadOnlySpan<Complex> generator)
    {
        var n = psi.NumQubits;
        if (!SimdSingle.Usable(n))
        {
            return Scalar(psi, lambda, target, control, inverse, generator);
        }

        return target switch
        {
            >= SimdSingle.LaneBits => Cross(psi, lambda, n, target, control, inverse, generator),
            0 => Lane<XorSingle1>(psi, lambda, n, target, control, inverse, generator),
            1 => Lane<XorSingle2>(psi, lambda, n, target, control, inverse, generator),
            _ => Lane<XorSingle4>(psi, lambda, n, target, control, inverse, generator),
        };
    }

    /// <summary>Reference loop (and registers below three qubits): products and sums in double.</summary>
    internal static double Scalar(
        StateVectorSingle psi, StateVectorSingle lambda, int target, int control, ReadOnlySpan<Complex> u, ReadOnlySpan<Complex> g)
    {
        var stride = 1 << target;
        double sum = 0;
        for (var a = 0; a < psi.Length; a++)
        {
            if ((a & stride) != 0 || (control >= 0 && ((a >> control) & 1) == 0))
            {
                continue;
            }

            var b = a | stride;
            Complex x = psi[a], y = psi[b], la = lambda[a], lb = lambda[b];
            sum += (Complex.Conjugate(la) * (g[0] * x + g[1] * y)).Imaginary + (Complex.Conjugate(lb) * (g[2] * x + g[3] * y)).Imaginary;
            Store(psi, a, u[0] * x + u[1] * y);
            Store(psi, b, u[2] * x + u[3] * y);
            Store(lambda, a, u[0] * la + u[1] * lb);
            Store(lambda, b, u[2] * la + u[3] * lb);
        }

        return sum;
    }

    private static void Store(StateVectorSingle state, int index, Complex value) =>
        (state.Re[index], state.Im[index]) = ((float)value.Real, (float)value.Imaginary);

    /// <summary>Eight per-lane copies of a 2×2 matrix's entries, the identity times <paramref name="fill"/> where the in-lane control is 0.</summary>
    private static void Coefficients(ReadOnlySpan<Complex> m, int control, double fill, Span<Vector256<float>> c)
    {
        Span<Complex> lanes = stackalloc Complex[SimdSingle.Lanes];
        for (var entry = 0; entry < 4; entry++)
        {
            for (var l = 0; l < SimdSingle.Lanes; l++)
            {
                var off = control is >= 0 and < SimdSingle.LaneBits && ((l >> control) & 1) == 0;
                lanes[l] = off ? (entry is 0 or 3 ? fill : 0.0) : m[entry];
            }

            c[2 * entry] = SimdSingle.Real(lanes);
            c[2 * entry + 1] = SimdSingle.Imaginary(lanes);
        }
    }

    private static double Cross(
        StateVectorSingle psi, StateVectorSingle lambda, int n, int target, int control, ReadOnlySpan<Complex> u, ReadOnlySpan<Complex> g)
    {
        Span<Vector256<float>> uc = stackalloc Vector256<float>[8];
        Span<Vector256<float>> gc = stackalloc Vector256<float>[8];
        Coefficients(u, control, 1.0, uc);
        Coefficients(g, control, 0.0, gc);
        var (u00r, u00i, u01r, u01i, u10r, u10i, u11r, u11i) = (uc[0], uc[1], uc[2], uc[3], uc[4], uc[5], uc[6], uc[7]);
        var (g00r, g00i, g01r, g01i, g10r, g10i, g11r, g11i) = (gc[0], gc[1], gc[2], gc[3], gc[4], gc[5], gc[6], gc[7]);

        var (pr, pi, lr, li) = (psi.Re, psi.Im, lambda.Re, lambda.Im);
        var vectors = (1 << n) / SimdSingle.Lanes;
        var vt = target - SimdSingle.LaneBits;
        var vc = control >= SimdSingle.LaneBits ? control - SimdSingle.LaneBits : -1;
        var count = vectors >> (vc >= 0 ? 2 : 1);
        var lowest = vc >= 0 ? Math.Min(vt, vc) : vt;
        var highest = vc >= 0 ? Math.Max(vt, vc) : -1;
        var run = Math.Min(1 << lowest, count);
        var controlBit = vc >= 0 ? 1 << vc : 0;
        var partner = 1 << target;
        var acc = Vector256<double>.Zero;

        for (var i = 0; i < count; i += run)
        {
            var baseVector = Simd.InsertZero(i, lowest);
            if (highest >= 0)
            {
                baseVector = Simd.InsertZero(baseVector, highest);
            }

            var a = (baseVector | controlBit) * SimdSingle.Lanes;
            var end = a + run * SimdSingle.Lanes;
            for (; a < end; a += SimdSingle.Lanes)
            {
                var b = a + partner;
                var par = SimdSingle.Load(pr, a);
                var pai = SimdSingle.Load(pi, a);
                var pbr = SimdSingle.Load(pr, b);
                var pbi = SimdSingle.Load(pi, b);
                var lar = SimdSingle.Load(lr, a);
                var lai = SimdSingle.Load(li, a);
                var lbr = SimdSingle.Load(lr, b);
                var lbi = SimdSingle.Load(li, b);

                // Im(conj(λ)·Gψ) on this pair, widened to double before it is summed.
                SimdSingle.CMul(g00r, g00i, par, pai, out var gar, out var gai);
                SimdSingle.CMulAdd(g01r, g01i, pbr, pbi, ref gar, ref gai);
                SimdSingle.CMul(g10r, g10i, par, pai, out var gbr, out var gbi);
                SimdSingle.CMulAdd(g11r, g11i, pbr, pbi, ref gbr, ref gbi);
                var part = SimdSingle.NegMulAdd(lai, gar, lar * gai);
                part = SimdSingle.NegMulAdd(lbi, gbr, SimdSingle.MulAdd(lbr, gbi, part));
                acc += Vector256.WidenLower(part) + Vector256.WidenUpper(part);

                SimdSingle.CMul(u00r, u00i, par, pai, out var oar, out var oai);
                SimdSingle.CMulAdd(u01r, u01i, pbr, pbi, ref oar, ref oai);
                SimdSingle.CMul(u10r, u10i, par, pai, out var obr, out var obi);
                SimdSingle.CMulAdd(u11r, u11i, pbr, pbi, ref obr, ref obi);
                SimdSingle.Store(pr, a, oar);
                SimdSingle.Store(pi, a, oai);
                SimdSingle.Store(pr, b, obr);
                SimdSingle.Store(pi, b, obi);

                SimdSingle.CMul(u00r, u00i, lar, lai, out oar, out oai);
                SimdSingle.CMulAdd(u01r, u01i, lbr, lbi, ref oar, ref oai);
                SimdSingle.CMul(u10r, u10i, lar, lai, out obr, out obi);
                SimdSingle.CMulAdd(u11r, u11i, lbr, lbi, ref obr, ref obi);
                SimdSingle.Store(lr, a, oar);
                SimdSingle.Store(li, a, oai);
                SimdSingle.Store(lr, b, obr);
                SimdSingle.Store(li, b, obi);
            }
        }

        return Vector256.Sum(acc);
    }

    /// <summary>Target bit 0-2: both partners in one vector; out = cs·x + cp·perm(x), likewise Gψ.</summary>
    private static double Lane<TPerm>(
        StateVectorSingle psi, StateVectorSingle lambda, int n, int target, int control, ReadOnlySpan<Complex> u, ReadOnlySpan<Complex> g)
        where TPerm : struct, ILanePermuteSingle
    {
        Span<Complex> c = stackalloc Complex[4 * SimdSingle.Lanes];
        for (var l = 0; l < SimdSingle.Lanes; l++)
        {
            var bit = (l >> target) & 1;
            var off = control is >= 0 and < SimdSingle.LaneBits && ((l >> control) & 1) == 0;
            c[l] = off ? 1.0 : bit == 0 ? u[0] : u[3];
            c[SimdSingle.Lanes + l] = off ? 0.0 : bit == 0 ? u[1] : u[2];
            c[2 * SimdSingle.Lanes + l] = off ? 0.0 : bit == 0 ? g[0] : g[3];
            c[3 * SimdSingle.Lanes + l] = off ? 0.0 : bit == 0 ? g[1] : g[2];
        }

        var (usr, usi) = (SimdSingle.Real(c[..8]), SimdSingle.Imaginary(c[..8]));
        var (upr, upi) = (SimdSingle.Real(c[8..16]), SimdSingle.Imaginary(c[8..16]));
        var (gsr, gsi) = (SimdSingle.Real(c[16..24]), SimdSingle.Imaginary(c[16..24]));
        var (gpr, gpi) = (SimdSingle.Real(c[24..]), SimdSingle.Imaginary(c[24..]));

        var (pr, pi, lr, li) = (psi.Re, psi.Im, lambda.Re, lambda.Im);
        var vectors = (1 << n) / SimdSingle.Lanes;
        var vc = control >= SimdSingle.LaneBits ? control - SimdSingle.LaneBits : -1;
        var count = vc >= 0 ? vectors >> 1 : vectors;
        var run = vc >= 0 ? Math.Min(1 << vc, count) : count;
        var controlBit = vc >= 0 ? 1 << vc : 0;
        var acc = Vector256<double>.Zero;

        for (var i = 0; i < count; i += run)
        {
            var a = (vc >= 0 ? Simd.InsertZero(i, vc) | controlBit : i) * SimdSingle.Lanes;
            var end = a + run * SimdSingle.Lanes;
            for (; a < end; a += SimdSingle.Lanes)
            {
                var xr = SimdSingle.Load(pr, a);
                var xi = SimdSingle.Load(pi, a);
                var yr = SimdSingle.Load(lr, a);
                var yi = SimdSingle.Load(li, a);
                var xpr = TPerm.Apply(xr);
                var xpi = TPerm.Apply(xi);

                SimdSingle.CMul(gsr, gsi, xr, xi, out var tr, out var ti);
                SimdSingle.CMulAdd(gpr, gpi, xpr, xpi, ref tr, ref ti);
                var part = SimdSingle.NegMulAdd(yi, tr, yr * ti);
                acc += Vector256.WidenLower(part) + Vector256.WidenUpper(part);

                SimdSingle.CMul(usr, usi, xr, xi, out var or, out var oi);
                SimdSingle.CMulAdd(upr, upi, xpr, xpi, ref or, ref oi);
                SimdSingle.Store(pr, a, or);
                SimdSingle.Store(pi, a, oi);

                SimdSingle.CMul(usr, usi, yr, yi, out or, out oi);
                SimdSingle.CMulAdd(upr, upi, TPerm.Apply(yr), TPerm.Apply(yi), ref or, ref oi);
                SimdSingle.Store(lr, a, or);
                SimdSingle.Store(li, a, oi);
            }
        }

        return Vector256.Sum(acc);
    }
}
