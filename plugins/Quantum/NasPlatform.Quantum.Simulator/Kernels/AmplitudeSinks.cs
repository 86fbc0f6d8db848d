using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NasPlatform.Quantum.Simulator.Kernels;

/// <summary>
/// Where a kernel sends the amplitudes it computed (M·ψ restricted to a group of indices): stored back
/// into a state, or folded into ⟨bra|M|ψ⟩. Kernels are generic over the sink so the JIT specializes them.
/// </summary>
internal interface IAmplitudeSink
{
    void Put(int offset, Vector256<double> re, Vector256<double> im);

    void PutScalar(int index, double re, double im);
}

/// <summary>Writes the results into a state (possibly the one being read: kernels load a group before storing it).</summary>
internal struct StoreSink(double[] re, double[] im) : IAmplitudeSink
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Put(int offset, Vector256<double> r, Vector256<double> i)
    {
        Simd.Store(re, offset, r);
        Simd.Store(im, offset, i);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void PutScalar(int index, double r, double i)
    {
        re[index] = r;
        im[index] = i;
    }
}

/// <summary>Accumulates Σ conj(bra_k) · value_k, i.e. ⟨bra|M|ψ⟩ over the groups the kernel visits.</summary>
internal struct BraSink(double[] braRe, double[] braIm) : IAmplitudeSink
{
    private Vector256<double> _accRe;
    private Vector256<double> _accIm;
    private double _re;
    private double _im;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Put(int offset, Vector256<double> r, Vector256<double> i)
    {
        var br = Simd.Load(braRe, offset);
        var bi = Simd.Load(braIm, offset);
        // conj(b)·v = (br·r + bi·i) + i(br·i − bi·r)
        _accRe = Simd.MulAdd(bi, i, Simd.MulAdd(br, r, _accRe));
        _accIm = Simd.NegMulAdd(bi, r, Simd.MulAdd(br, i, _accIm));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void PutScalar(int index, double r, double i)
    {
        var br = braRe[index];
        var bi = braIm[index];
        _re += br * r + bi * i;
        _im += br * i - bi * r;
    }

    public readonly System.Numerics.Complex Result =>
        new(_re + Vector256.Sum(_accRe), _im + Vector256.Sum(_accIm));
}
