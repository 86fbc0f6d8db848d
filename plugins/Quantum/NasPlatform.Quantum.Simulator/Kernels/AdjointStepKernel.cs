using System.Numerics;
using System.Runtime.Intrinsics;

namespace NasPlatform.Quantum.Simulator.Kernels;

/// <summary>
/// One backward step of adjoint differentiation for a (controlled) one-qubit gate, in a single pass over
/// |ψ⟩ and |λ⟩: accumulates ⟨λ|G|ψ⟩ for the generator G (restricted to control = 1), then applies U† to
/// both states. Doing the three in one loop reads each state once instead of three times.
/// </summary>
internal static class AdjointStepKernel
{
    /// <summary>Applies U† to both states and returns Im⟨λ|G|ψ⟩ (dE/dθ = 2·Im⟨λ|G|ψ⟩; the real part is never needed).</summary>
    public static double Run(
        StateVector psi, StateVector lambda, int target, int control, ReadOnlySpan<Complex> inverse, ReadOnlySpan<Complex> generator)
    {
        var n = psi.NumQubits;
        if (target >= 2 && control < 0 && Simd.Usable(n) && IsRealRotation(inverse, generator))
        {
            return RealCross(psi, lambda, n, target, inverse, generator[2].Imaginary);
        }

        return Element(psi, lambda, target, control, inverse, generator).Imaginary;
    }

    private static Complex Element(
        StateVector psi, StateVector lambda, int target, int control, ReadOnlySpan<Complex> inverse, ReadOnlySpan<Complex> generator)
    {
        var n = psi.NumQubits;
        if (!Simd.Usable(n))
        {
            var sink = new BraSink(lambda.Re, lambda.Im);
            OneQubitKernel.Run(psi.Re, psi.Im, n, target, control, generator, 0.0, ref sink);
            var store = new StoreSink(psi.Re, psi.Im);
            OneQubitKernel.Run(psi.Re, psi.Im, n, target, control, inverse, 1.0, ref store);
            store = new StoreSink(lambda.Re, lambda.Im);
            OneQubitKernel.Run(lambda.Re, lambda.Im, n, target, control, inverse, 1.0, ref store);
            return sink.Result;
        }

        if (inverse[1] == Complex.Zero && inverse[2] == Complex.Zero && generator[1] == Complex.Zero && generator[2] == Complex.Zero)
        {
            return Diagonal(psi, lambda, n, target, control, inverse, generator);
        }

        return target >= 2
            ? Cross(psi, lambda, n, target, control, inverse, generator)
            : target == 0
                ? Lane<Xor1>(psi, lambda, n, target, control, inverse, generator)
                : Lane<Xor2>(psi, lambda, n, target, control, inverse, generator);
    }

    /// <summary>RY: a real U† and the generator γ·Y (γ = 1/2), the commonest parameterized gate in ansätze.</summary>
    private static bool IsRealRotation(ReadOnlySpan<Complex> u, ReadOnlySpan<Complex> g) =>
        u[0].Imaginary == 0 && u[1].Imaginary == 0 && u[2].Imaginary == 0 && u[3].Imaginary == 0 &&
        g[0] == Complex.Zero && g[3] == Complex.Zero && g[1].Real == 0 && g[2].Real == 0 && g[1].Imaginary == -g[2].Imaginary;

    /// <summary>
    /// <see cref="Cross"/> for a real U† and G = γ·Y: real coefficients halve the arithmetic, and
    /// Im⟨λ|G|ψ⟩ = γ·Re(λ_b* ψ_a − λ_a* ψ_b) needs four products per pair.
    /// </summary>
    private static double RealCross(StateVector psi, StateVector lambda, int n, int target, ReadOnlySpan<Complex> u, double gamma)
    {
        var (u00, u01, u10, u11) = (Vector256.Create(u[0].Real), Vector256.Create(u[1].Real), Vector256.Create(u[2].Real), Vector256.Create(u[3].Real));
        var (pr, pi, lr, li) = (psi.Re, psi.Im, lambda.Re, lambda.Im);
        var count = (1 << n) / Simd.Lanes >> 1;
        var vt = target - 2;
        var run = Math.Min(1 << vt, count);
        var partner = 1 << target;
        var acc = Vector256<double>.Zero;

        for (var i = 0; i < count; i += run)
        {
            var a = Simd.InsertZero(i, vt) * Simd.Lanes;
            var end = a + run * Simd.Lanes;
            for (; a < end; a += Simd.Lanes)
            {
                var b = a + partner;
                var par = Simd.Load(pr, a);
                var pai = Simd.Load(pi, a);
                var pbr = Simd.Load(pr, b);
                var pbi = Simd.Load(pi, b);
                var lar = Simd.Load(lr, a);
                var lai = Simd.Load(li, a);
                var lbr = Simd.Load(lr, b);
                var lbi = Simd.Load(li, b);

                acc = Simd.MulAdd(lbi, pai, Simd.MulAdd(lbr, par, acc));
                acc = Simd.NegMulAdd(lai, pbi, Simd.NegMulAdd(lar, pbr, acc));

                Simd.Store(pr, a, Simd.MulAdd(u01, pbr, u00 * par));
                Simd.Store(pi, a, Simd.MulAdd(u01, pbi, u00 * pai));
                Simd.Store(pr, b, Simd.MulAdd(u11, pbr, u10 * par));
                Simd.Store(pi, b, Simd.MulAdd(u11, pbi, u10 * pai));
                Simd.Store(lr, a, Simd.MulAdd(u01, lbr, u00 * lar));
                Simd.Store(li, a, Simd.MulAdd(u01, lbi, u00 * lai));
                Simd.Store(lr, b, Simd.MulAdd(u11, lbr, u10 * lar));
                Simd.Store(li, b, Simd.MulAdd(u11, lbi, u10 * lai));
            }
        }

        return gamma * Vector256.Sum(acc);
    }

    private static Complex Cross(StateVector psi, StateVector lambda, int n, int target, int control, ReadOnlySpan<Complex> u, ReadOnlySpan<Complex> g)
    {
        Span<Complex> uc = stackalloc Complex[16];
        Span<Complex> gc = stackalloc Complex[16];
        for (var entry = 0; entry < 4; entry++)
        {
            for (var l = 0; l < 4; l++)
            {
                var off = control is 0 or 1 && ((l >> control) & 1) == 0;
                uc[entry * 4 + l] = off ? (entry is 0 or 3 ? 1.0 : 0.0) : u[entry];
                gc[entry * 4 + l] = off ? 0.0 : g[entry];
            }
        }

        var (u00r, u00i, u01r, u01i) = (OneQubitKernel.Real(uc, 0), OneQubitKernel.Imaginary(uc, 0), OneQubitKernel.Real(uc, 1), OneQubitKernel.Imaginary(uc, 1));
        var (u10r, u10i, u11r, u11i) = (OneQubitKernel.Real(uc, 2), OneQubitKernel.Imaginary(uc, 2), OneQubitKernel.Real(uc, 3), OneQubitKernel.Imaginary(uc, 3));
        var (g00r, g00i, g01r, g01i) = (OneQubitKernel.Real(gc, 0), OneQubitKernel.Imaginary(gc, 0), OneQubitKernel.Real(gc, 1), OneQubitKernel.Imaginary(gc, 1));
        var (g10r, g10i, g11r, g11i) = (OneQubitKernel.Real(gc, 2), OneQubitKernel.Imaginary(gc, 2), OneQubitKernel.Real(gc, 3), OneQubitKernel.Imaginary(gc, 3));

        var (pr, pi, lr, li) = (psi.Re, psi.Im, lambda.Re, lambda.Im);
        var vectors = (1 << n) / Simd.Lanes;
        var vt = target - 2;
        var vc = control >= 2 ? control - 2 : -1;
        var count = vectors >> (vc >= 0 ? 2 : 1);
        var lowest = vc >= 0 ? Math.Min(vt, vc) : vt;
        var highest = vc >= 0 ? Math.Max(vt, vc) : -1;
        var run = Math.Min(1 << lowest, count);
        var controlBit = vc >= 0 ? 1 << vc : 0;
        var partner = 1 << target;
        var accR = Vector256<double>.Zero;
        var accI = Vector256<double>.Zero;

        for (var i = 0; i < count; i += run)
        {
            var baseVector = Simd.InsertZero(i, lowest);
            if (highest >= 0)
            {
                baseVector = Simd.InsertZero(baseVector, highest);
            }

            var a = (baseVector | controlBit) * Simd.Lanes;
            var end = a + run * Simd.Lanes;
            for (; a < end; a += Simd.Lanes)
            {
                var b = a + partner;
                var par = Simd.Load(pr, a);
                var pai = Simd.Load(pi, a);
                var pbr = Simd.Load(pr, b);
                var pbi = Simd.Load(pi, b);
                var lar = Simd.Load(lr, a);
                var lai = Simd.Load(li, a);
                var lbr = Simd.Load(lr, b);
                var lbi = Simd.Load(li, b);

                // ⟨λ|G|ψ⟩ on this pair.
                Simd.CMul(g00r, g00i, par, pai, out var gar, out var gai);
                Simd.CMulAdd(g01r, g01i, pbr, pbi, ref gar, ref gai);
                Simd.CMul(g10r, g10i, par, pai, out var gbr, out var gbi);
                Simd.CMulAdd(g11r, g11i, pbr, pbi, ref gbr, ref gbi);
                accR = Simd.MulAdd(lai, gai, Simd.MulAdd(lar, gar, accR));
                accI = Simd.NegMulAdd(lai, gar, Simd.MulAdd(lar, gai, accI));
                accR = Simd.MulAdd(lbi, gbi, Simd.MulAdd(lbr, gbr, accR));
                accI = Simd.NegMulAdd(lbi, gbr, Simd.MulAdd(lbr, gbi, accI));

                // U† on both states.
                Simd.CMul(u00r, u00i, par, pai, out var oar, out var oai);
                Simd.CMulAdd(u01r, u01i, pbr, pbi, ref oar, ref oai);
                Simd.CMul(u10r, u10i, par, pai, out var obr, out var obi);
                Simd.CMulAdd(u11r, u11i, pbr, pbi, ref obr, ref obi);
                Simd.Store(pr, a, oar);
                Simd.Store(pi, a, oai);
                Simd.Store(pr, b, obr);
                Simd.Store(pi, b, obi);

                Simd.CMul(u00r, u00i, lar, lai, out oar, out oai);
                Simd.CMulAdd(u01r, u01i, lbr, lbi, ref oar, ref oai);
                Simd.CMul(u10r, u10i, lar, lai, out obr, out obi);
                Simd.CMulAdd(u11r, u11i, lbr, lbi, ref obr, ref obi);
                Simd.Store(lr, a, oar);
                Simd.Store(li, a, oai);
                Simd.Store(lr, b, obr);
                Simd.Store(li, b, obi);
            }
        }

        return new Complex(Vector256.Sum(accR), Vector256.Sum(accI));
    }

    private static Complex Lane<TPerm>(StateVector psi, StateVector lambda, int n, int target, int control, ReadOnlySpan<Complex> u, ReadOnlySpan<Complex> g)
        where TPerm : struct, ILanePermute
    {
        Span<Complex> c = stackalloc Complex[16];
        for (var l = 0; l < 4; l++)
        {
            var bit = (l >> target) & 1;
            var off = control is 0 or 1 && ((l >> control) & 1) == 0;
            c[l] = off ? 1.0 : bit == 0 ? u[0] : u[3];
            c[4 + l] = off ? 0.0 : bit == 0 ? u[1] : u[2];
            c[8 + l] = off ? 0.0 : bit == 0 ? g[0] : g[3];
            c[12 + l] = off ? 0.0 : bit == 0 ? g[1] : g[2];
        }

        var (usr, usi, upr, upi) = (OneQubitKernel.Real(c, 0), OneQubitKernel.Imaginary(c, 0), OneQubitKernel.Real(c, 1), OneQubitKernel.Imaginary(c, 1));
        var (gsr, gsi, gpr, gpi) = (OneQubitKernel.Real(c, 2), OneQubitKernel.Imaginary(c, 2), OneQubitKernel.Real(c, 3), OneQubitKernel.Imaginary(c, 3));

        var (pr, pi, lr, li) = (psi.Re, psi.Im, lambda.Re, lambda.Im);
        var vectors = (1 << n) / Simd.Lanes;
        var vc = control >= 2 ? control - 2 : -1;
        var count = vc >= 0 ? vectors >> 1 : vectors;
        var run = vc >= 0 ? Math.Min(1 << vc, count) : count;
        var controlBit = vc >= 0 ? 1 << vc : 0;
        var accR = Vector256<double>.Zero;
        var accI = Vector256<double>.Zero;

        for (var i = 0; i < count; i += run)
        {
            var baseVector = vc >= 0 ? Simd.InsertZero(i, vc) | controlBit : i;
            var a = baseVector * Simd.Lanes;
            var end = a + run * Simd.Lanes;
            for (; a < end; a += Simd.Lanes)
            {
                var xr = Simd.Load(pr, a);
                var xi = Simd.Load(pi, a);
                var yr = Simd.Load(lr, a);
                var yi = Simd.Load(li, a);
                var xpr = TPerm.Apply(xr);
                var xpi = TPerm.Apply(xi);

                Simd.CMul(gsr, gsi, xr, xi, out var tr, out var ti);
                Simd.CMulAdd(gpr, gpi, xpr, xpi, ref tr, ref ti);
                accR = Simd.MulAdd(yi, ti, Simd.MulAdd(yr, tr, accR));
                accI = Simd.NegMulAdd(yi, tr, Simd.MulAdd(yr, ti, accI));

                Simd.CMul(usr, usi, xr, xi, out var or, out var oi);
                Simd.CMulAdd(upr, upi, xpr, xpi, ref or, ref oi);
                Simd.Store(pr, a, or);
                Simd.Store(pi, a, oi);

                Simd.CMul(usr, usi, yr, yi, out or, out oi);
                Simd.CMulAdd(upr, upi, TPerm.Apply(yr), TPerm.Apply(yi), ref or, ref oi);
                Simd.Store(lr, a, or);
                Simd.Store(li, a, oi);
            }
        }

        return new Complex(Vector256.Sum(accR), Vector256.Sum(accI));
    }

    /// <summary>
    /// Diagonal U† and G (RZ, P, CRZ): no pairing, so each vector is scaled in place; the coefficients
    /// depend on the target bit (and in-lane control bit) of each amplitude.
    /// </summary>
    private static Complex Diagonal(StateVector psi, StateVector lambda, int n, int target, int control, ReadOnlySpan<Complex> u, ReadOnlySpan<Complex> g)
    {
        // c[(set * 2 + kind) * 4 + lane]: set = the vector-level target bit (0 when the target is in-lane),
        // kind 0 = U†, 1 = G.
        Span<Complex> c = stackalloc Complex[16];
        for (var set = 0; set < 2; set++)
        {
            for (var l = 0; l < 4; l++)
            {
                var bit = target >= 2 ? set : (l >> target) & 1;
                var off = control is 0 or 1 && ((l >> control) & 1) == 0;
                c[(set * 2) * 4 + l] = off ? 1.0 : bit == 0 ? u[0] : u[3];
                c[(set * 2 + 1) * 4 + l] = off ? 0.0 : bit == 0 ? g[0] : g[3];
            }
        }

        var (u0r, u0i, g0r, g0i) = (OneQubitKernel.Real(c, 0), OneQubitKernel.Imaginary(c, 0), OneQubitKernel.Real(c, 1), OneQubitKernel.Imaginary(c, 1));
        var (u1r, u1i, g1r, g1i) = (OneQubitKernel.Real(c, 2), OneQubitKernel.Imaginary(c, 2), OneQubitKernel.Real(c, 3), OneQubitKernel.Imaginary(c, 3));

        var (pr, pi, lr, li) = (psi.Re, psi.Im, lambda.Re, lambda.Im);
        var vectors = (1 << n) / Simd.Lanes;
        var vc = control >= 2 ? control - 2 : -1;
        var count = vc >= 0 ? vectors >> 1 : vectors;
        var run = vc >= 0 ? Math.Min(1 << vc, count) : count;
        var controlBit = vc >= 0 ? 1 << vc : 0;
        var targetBit = target >= 2 ? 1 << (target - 2) : 0;
        var accR = Vector256<double>.Zero;
        var accI = Vector256<double>.Zero;

        for (var i = 0; i < count; i += run)
        {
            var baseVector = vc >= 0 ? Simd.InsertZero(i, vc) | controlBit : i;
            var endVector = baseVector + run;
            for (var v = baseVector; v < endVector; v++)
            {
                var a = v * Simd.Lanes;
                var high = (v & targetBit) != 0;
                var (ur, ui, gr, gi) = high ? (u1r, u1i, g1r, g1i) : (u0r, u0i, g0r, g0i);
                var xr = Simd.Load(pr, a);
                var xi = Simd.Load(pi, a);
                var yr = Simd.Load(lr, a);
                var yi = Simd.Load(li, a);

                Simd.CMul(gr, gi, xr, xi, out var tr, out var ti);
                accR = Simd.MulAdd(yi, ti, Simd.MulAdd(yr, tr, accR));
                accI = Simd.NegMulAdd(yi, tr, Simd.MulAdd(yr, ti, accI));

                Simd.CMul(ur, ui, xr, xi, out var or, out var oi);
                Simd.Store(pr, a, or);
                Simd.Store(pi, a, oi);
                Simd.CMul(ur, ui, yr, yi, out or, out oi);
                Simd.Store(lr, a, or);
                Simd.Store(li, a, oi);
            }
        }

        return new Complex(Vector256.Sum(accR), Vector256.Sum(accI));
    }
}
