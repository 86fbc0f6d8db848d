using System.Numerics;
using System.Runtime.Intrinsics;

namespace NasPlatform.Quantum.Simulator.Kernels;

/// <summary>
/// One backward step of adjoint differentiation over a run of one-qubit diagonal gates (RZ, P, Z, S, T…),
/// such as the RZ layer of a hardware-efficient ansatz, in a single pass over |ψ⟩ and |λ⟩ instead of one
/// pass per gate. Diagonal gates and their generators all commute, so every gate's 2·Im⟨λ|G|ψ⟩ may be
/// taken on the state after the whole run, and the run's U† is one phase per amplitude. Both need only
/// w_i = Im(λ_i* ψ_i) summed by index bit: the index is split into a high and a low part, the phase is
/// phaseHigh[high]·phaseLow[low], and the bit sums come from the row sums (high bits) and the column
/// sums (low bits) of w.
/// </summary>
internal sealed class DiagonalLayerKernel
{
    private readonly int _lowBits;
    private readonly double[] _lowRe;
    private readonly double[] _lowIm;
    private readonly double[] _columnSums;
    private readonly double[] _highRe;
    private readonly double[] _highIm;
    private readonly double[] _rowSums;

    public DiagonalLayerKernel(int numQubits)
    {
        if (!Simd.Usable(numQubits))
        {
            throw new ArgumentOutOfRangeException(nameof(numQubits), numQubits, "The diagonal-layer kernel needs SIMD and at least 2 qubits.");
        }

        _lowBits = Math.Min(numQubits, 8);
        var highBits = numQubits - _lowBits;
        (_lowRe, _lowIm, _columnSums) = (new double[1 << _lowBits], new double[1 << _lowBits], new double[1 << _lowBits]);
        (_highRe, _highIm, _rowSums) = (new double[1 << highBits], new double[1 << highBits], new double[1 << highBits]);
    }

    /// <summary>
    /// Undoes the run on both states and writes, for every gate k, 2·Σ_i g_k(bit_k(i))·Im(λ_i* ψ_i) into
    /// <paramref name="derivatives"/>[k], i.e. 2·Im⟨λ|G_k|ψ⟩ for the real diagonal generator G_k.
    /// </summary>
    /// <param name="psi">|ψ⟩ after the run; left before it.</param>
    /// <param name="lambda">|λ⟩ after the run; left before it.</param>
    /// <param name="bits">Index bit each gate acts on.</param>
    /// <param name="undo">U† of each gate: entries (k*2) for bit value 0 and (k*2+1) for bit value 1.</param>
    /// <param name="generator">Real diagonal generator of each gate, laid out like <paramref name="undo"/> (zeros for fixed gates).</param>
    /// <param name="derivatives">Receives one value per gate.</param>
    public void Run(StateVector psi, StateVector lambda, ReadOnlySpan<int> bits, ReadOnlySpan<Complex> undo, ReadOnlySpan<double> generator, Span<double> derivatives)
    {
        Prepare(bits, undo);

        var (pr, pi, lr, li) = (psi.Re, psi.Im, lambda.Re, lambda.Im);
        var rowLength = 1 << _lowBits;
        for (var high = 0; high < _rowSums.Length; high++)
        {
            var hr = Vector256.Create(_highRe[high]);
            var hi = Vector256.Create(_highIm[high]);
            var rowAcc = Vector256<double>.Zero;
            var row = high << _lowBits;
            for (var low = 0; low < rowLength; low += Simd.Lanes)
            {
                var a = row + low;
                var xr = Simd.Load(pr, a);
                var xi = Simd.Load(pi, a);
                var yr = Simd.Load(lr, a);
                var yi = Simd.Load(li, a);

                var w = Simd.NegMulAdd(yi, xr, yr * xi);
                rowAcc += w;
                Simd.Store(_columnSums, low, Simd.Load(_columnSums, low) + w);

                Simd.CMul(hr, hi, Simd.Load(_lowRe, low), Simd.Load(_lowIm, low), out var phr, out var phi);
                Simd.CMul(phr, phi, xr, xi, out var or, out var oi);
                Simd.Store(pr, a, or);
                Simd.Store(pi, a, oi);
                Simd.CMul(phr, phi, yr, yi, out or, out oi);
                Simd.Store(lr, a, or);
                Simd.Store(li, a, oi);
            }

            _rowSums[high] = Vector256.Sum(rowAcc);
        }

        Derivatives(bits, generator, derivatives);
    }

    /// <summary>
    /// The same step on complex64 states: w = Im(λ_i* ψ_i) formed per vector in float and widened to double before
    /// it is summed (as the single-precision adjoint steps do), the phases built in double and rounded once.
    /// Needs at least 3 qubits (a row of eight amplitudes).
    /// </summary>
    public void Run(StateVectorSingle psi, StateVectorSingle lambda, ReadOnlySpan<int> bits, ReadOnlySpan<Complex> undo, ReadOnlySpan<double> generator, Span<double> derivatives)
    {
        Prepare(bits, undo);

        var (pr, pi, lr, li) = (psi.Re, psi.Im, lambda.Re, lambda.Im);
        var rowLength = 1 << _lowBits;
        for (var high = 0; high < _rowSums.Length; high++)
        {
            var hr = Vector256.Create(_highRe[high]);
            var hi = Vector256.Create(_highIm[high]);
            var rowAcc = Vector256<double>.Zero;
            var row = high << _lowBits;
            for (var low = 0; low < rowLength; low += SimdSingle.Lanes)
            {
                var a = row + low;
                var xr = SimdSingle.Load(pr, a);
                var xi = SimdSingle.Load(pi, a);
                var yr = SimdSingle.Load(lr, a);
                var yi = SimdSingle.Load(li, a);

                var w = SimdSingle.NegMulAdd(yi, xr, yr * xi);
                var (wLow, wHigh) = (Vector256.WidenLower(w), Vector256.WidenUpper(w));
                rowAcc += wLow + wHigh;
                Simd.Store(_columnSums, low, Simd.Load(_columnSums, low) + wLow);
                Simd.Store(_columnSums, low + Simd.Lanes, Simd.Load(_columnSums, low + Simd.Lanes) + wHigh);

                Simd.CMul(hr, hi, Simd.Load(_lowRe, low), Simd.Load(_lowIm, low), out var r0, out var i0);
                Simd.CMul(hr, hi, Simd.Load(_lowRe, low + Simd.Lanes), Simd.Load(_lowIm, low + Simd.Lanes), out var r1, out var i1);
                var (phr, phi) = (Vector256.Narrow(r0, r1), Vector256.Narrow(i0, i1));
                SimdSingle.CMul(phr, phi, xr, xi, out var or, out var oi);
                SimdSingle.Store(pr, a, or);
                SimdSingle.Store(pi, a, oi);
                SimdSingle.CMul(phr, phi, yr, yi, out or, out oi);
                SimdSingle.Store(lr, a, or);
                SimdSingle.Store(li, a, oi);
            }

            _rowSums[high] = Vector256.Sum(rowAcc);
        }

        Derivatives(bits, generator, derivatives);
    }

    /// <summary>The run's phases over the low and high index bits, and cleared column sums.</summary>
    private void Prepare(ReadOnlySpan<int> bits, ReadOnlySpan<Complex> undo)
    {
        FillPhases(bits, undo, low: true, _lowRe, _lowIm);
        FillPhases(bits, undo, low: false, _highRe, _highIm);
        Array.Clear(_columnSums);
    }

    /// <summary>Each gate's 2·Σ g_k(bit)·w from the row sums (high bits) or column sums (low bits).</summary>
    private void Derivatives(ReadOnlySpan<int> bits, ReadOnlySpan<double> generator, Span<double> derivatives)
    {
        for (var k = 0; k < bits.Length; k++)
        {
            var (g0, g1) = (generator[2 * k], generator[2 * k + 1]);
            if (g0 == 0 && g1 == 0)
            {
                derivatives[k] = 0;
                continue;
            }

            var (sums, bit) = bits[k] < _lowBits ? (_columnSums, bits[k]) : (_rowSums, bits[k] - _lowBits);
            var total = 0.0;
            for (var j = 0; j < sums.Length; j++)
            {
                total += ((j >> bit) & 1) == 0 ? g0 * sums[j] : g1 * sums[j];
            }

            derivatives[k] = 2.0 * total;
        }
    }

    /// <summary>Product of the gates' U† entries over the low (or high) index bits, for every value of those bits.</summary>
    private void FillPhases(ReadOnlySpan<int> bits, ReadOnlySpan<Complex> undo, bool low, double[] re, double[] im)
    {
        for (var j = 0; j < re.Length; j++)
        {
            var phase = Complex.One;
            for (var k = 0; k < bits.Length; k++)
            {
                if (bits[k] < _lowBits != low)
                {
                    continue;
                }

                var bit = low ? bits[k] : bits[k] - _lowBits;
                phase *= undo[2 * k + ((j >> bit) & 1)];
            }

            (re[j], im[j]) = (phase.Real, phase.Imaginary);
        }
    }
}
