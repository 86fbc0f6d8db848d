using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NasPlatform.Quantum.Simulator.Kernels;

/// <summary>
/// The per-index weight D(j) of a group of Pauli terms sharing a flip mask, for a block of four indices
/// starting at a multiple of 4.
/// </summary>
internal interface IGroupWeight
{
    void Get(int blockStart, out Vector256<double> re, out Vector256<double> im);
}

/// <summary>D read from a precomputed table.</summary>
internal readonly struct TableWeight(double[] re, double[] im) : IGroupWeight
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Get(int blockStart, out Vector256<double> r, out Vector256<double> i)
    {
        r = Simd.Load(re, blockStart);
        i = Simd.Load(im, blockStart);
    }
}

/// <summary>
/// D computed on the fly: for a block start b (low two bits zero), (−1)^{popcount((b+l) ∧ m)} =
/// parity(b ∧ m) · laneSign_m[l], so each term costs one popcount per four amplitudes.
/// </summary>
internal readonly struct SignWeight(int[] masks, Vector256<double>[] laneRe, Vector256<double>[] laneIm) : IGroupWeight
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Get(int blockStart, out Vector256<double> r, out Vector256<double> i)
    {
        r = Vector256<double>.Zero;
        i = Vector256<double>.Zero;
        for (var k = 0; k < masks.Length; k++)
        {
            if ((BitOperations.PopCount((uint)(blockStart & masks[k])) & 1) == 0)
            {
                r += laneRe[k];
                i += laneIm[k];
            }
            else
            {
                r -= laneRe[k];
                i -= laneIm[k];
            }
        }
    }
}

/// <summary>
/// SIMD passes for one flip group: ⟨bra|Σ_group|ket⟩ and out += Σ_group·in, in double for states of either precision
/// (<see cref="IAmplitudeLanes"/> widens complex64 amplitudes on load).
/// </summary>
internal static class PauliGroupKernel
{
    /// <summary>Σ_j conj(bra[j ⊕ f]) · D(j) · ket[j].</summary>
    public static Complex BraKet<TWeight, TPerm, TLanes>(
        TLanes braRe, TLanes braIm, TLanes ketRe, TLanes ketIm, int length, int flip, TWeight weight)
        where TWeight : struct, IGroupWeight
        where TPerm : struct, ILanePermute
        where TLanes : struct, IAmplitudeLanes
    {
        var flipHigh = flip & ~3;
        var accRe = Vector256<double>.Zero;
        var accIm = Vector256<double>.Zero;
        for (var j = 0; j < length; j += Simd.Lanes)
        {
            weight.Get(j, out var dr, out var di);
            Simd.CMul(dr, di, ketRe.Load(j), ketIm.Load(j), out var tr, out var ti);
            var partner = j ^ flipHigh;
            var br = TPerm.Apply(braRe.Load(partner));
            var bi = TPerm.Apply(braIm.Load(partner));
            // conj(b)·t
            accRe = Simd.MulAdd(bi, ti, Simd.MulAdd(br, tr, accRe));
            accIm = Simd.NegMulAdd(bi, tr, Simd.MulAdd(br, ti, accIm));
        }

        return new Complex(Vector256.Sum(accRe), Vector256.Sum(accIm));
    }

    /// <summary>out[j ⊕ f] += D(j) · in[j].</summary>
    public static void Accumulate<TWeight, TPerm, TLanes>(
        TLanes inRe, TLanes inIm, TLanes outRe, TLanes outIm, int length, int flip, TWeight weight)
        where TWeight : struct, IGroupWeight
        where TPerm : struct, ILanePermute
        where TLanes : struct, IAmplitudeLanes
    {
        var flipHigh = flip & ~3;
        for (var j = 0; j < length; j += Simd.Lanes)
        {
            weight.Get(j, out var dr, out var di);
            Simd.CMul(dr, di, inRe.Load(j), inIm.Load(j), out var tr, out var ti);
            var target = j ^ flipHigh;
            outRe.Store(target, outRe.Load(target) + TPerm.Apply(tr));
            outIm.Store(target, outIm.Load(target) + TPerm.Apply(ti));
        }
    }
}
