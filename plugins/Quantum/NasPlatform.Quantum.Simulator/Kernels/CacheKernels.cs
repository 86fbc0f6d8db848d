using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NasPlatform.Quantum.Simulator.Kernels;

/// <summary>
/// Cheaper kernels for the two commonest passes of a cache-blocked plan, where the state sits in cache and the
/// arithmetic, not memory, sets the pace: a real 2×2 matrix (RY, and products of RY, X, Z, H) takes half the
/// multiplications of a complex one, and a controlled phase (CZ) touches a quarter of the amplitudes instead of
/// running a 2×2 matrix over half of them. Generic over the precision (split real/imaginary arrays of double or float).
/// </summary>
internal static class CacheKernels
{
    /// <summary>
    /// Applies the real matrix [[m00, m01], [m10, m11]] to index bit <paramref name="target"/>; false (nothing done)
    /// where the pair partners share a vector (target below log2 of the lane count).
    /// </summary>
    public static bool TryReal1<T>(T[] re, T[] im, int numQubits, int target, ReadOnlySpan<Complex> m, int offset = 0)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var lanes = Vector256<T>.Count;
        var partner = 1 << target;
        if (!Vector256.IsHardwareAccelerated || partner < lanes)
        {
            return false;
        }

        var (m00, m01) = (Vector256.Create(T.CreateChecked(m[0].Real)), Vector256.Create(T.CreateChecked(m[1].Real)));
        var (m10, m11) = (Vector256.Create(T.CreateChecked(m[2].Real)), Vector256.Create(T.CreateChecked(m[3].Real)));
        ref var r = ref MemoryMarshal.GetArrayDataReference(re);
        ref var i = ref MemoryMarshal.GetArrayDataReference(im);
        var length = offset + (1 << numQubits);
        for (var block = offset; block < length; block += 2 * partner)
        {
            var end = block + partner;
            for (var a = block; a < end; a += lanes)
            {
                var (ua, ub) = ((nuint)a, (nuint)(a + partner));
                var ar = Vector256.LoadUnsafe(ref r, ua);
                var br = Vector256.LoadUnsafe(ref r, ub);
                var ai = Vector256.LoadUnsafe(ref i, ua);
                var bi = Vector256.LoadUnsafe(ref i, ub);
                VectorMath.MulAdd(m01, br, m00 * ar).StoreUnsafe(ref r, ua);
                VectorMath.MulAdd(m11, br, m10 * ar).StoreUnsafe(ref r, ub);
                VectorMath.MulAdd(m01, bi, m00 * ai).StoreUnsafe(ref i, ua);
                VectorMath.MulAdd(m11, bi, m10 * ai).StoreUnsafe(ref i, ub);
            }
        }

        return true;
    }

    /// <summary>
    /// Applies the real matrix [[m00, m01], [m10, m11]] to an in-lane index bit (below log2 of the lane count), where
    /// both partners share a vector: out = s·x + p·swap(x), with s and p chosen per lane. Lets a tile run carry the
    /// lowest bits' RY instead of stopping for a whole-chunk complex pass.
    /// </summary>
    public static void Real1InLane<T>(T[] re, T[] im, int numQubits, int target, ReadOnlySpan<Complex> m, int offset = 0)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var lanes = Vector256<T>.Count;
        Span<T> self = stackalloc T[lanes];
        Span<T> partner = stackalloc T[lanes];
        for (var l = 0; l < lanes; l++)
        {
            var high = ((l >> target) & 1) == 1;
            self[l] = T.CreateChecked(high ? m[3].Real : m[0].Real);
            partner[l] = T.CreateChecked(high ? m[2].Real : m[1].Real);
        }

        var (s, p) = (Vector256.Create<T>(self), Vector256.Create<T>(partner));
        ref var r = ref MemoryMarshal.GetArrayDataReference(re);
        ref var i = ref MemoryMarshal.GetArrayDataReference(im);
        var end = offset + (1 << numQubits);
        for (var a = offset; a < end; a += lanes)
        {
            var u = (nuint)a;
            var xr = Vector256.LoadUnsafe(ref r, u);
            var xi = Vector256.LoadUnsafe(ref i, u);
            VectorMath.MulAdd(p, Swap(xr, target), s * xr).StoreUnsafe(ref r, u);
            VectorMath.MulAdd(p, Swap(xi, target), s * xi).StoreUnsafe(ref i, u);
        }
    }

    /// <summary>Lane l takes lane l XOR 2^bit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<T> Swap<T>(Vector256<T> x, int bit)
        where T : unmanaged
    {
        if (typeof(T) == typeof(double))
        {
            return (bit == 0 ? Xor1.Apply(x.AsDouble()) : Xor2.Apply(x.AsDouble())).As<double, T>();
        }

        var f = x.AsSingle();
        return (bit switch { 0 => XorSingle1.Apply(f), 1 => XorSingle2.Apply(f), _ => XorSingle4.Apply(f) }).As<float, T>();
    }

    /// <summary>
    /// Multiplies every amplitude whose index bits <paramref name="bitA"/> and <paramref name="bitB"/> are both 1 by
    /// <paramref name="phase"/> (CZ: −1), in the 2^numQubits amplitudes from <paramref name="offset"/> (a multiple of that size).
    /// </summary>
    public static void Phase11<T>(T[] re, T[] im, int numQubits, int bitA, int bitB, Complex phase, int offset = 0)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        PhaseWhere(re, im, numQubits, (1 << bitA) | (1 << bitB), phase, offset);

    /// <summary>
    /// Multiplies every amplitude whose index has all bits of <paramref name="mask"/> set (every amplitude for 0) by
    /// <paramref name="phase"/>, in the 2^numQubits amplitudes from <paramref name="offset"/>. A tile uses it for a
    /// controlled phase with bits above the tile: those are fixed within the tile, so the pass is a phase on the bits
    /// left, or on all or none of the tile.
    /// </summary>
    public static void PhaseWhere<T>(T[] re, T[] im, int numQubits, int mask, Complex phase, int offset = 0)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var lanes = Vector256<T>.Count;
        if (!Vector256.IsHardwareAccelerated || (1 << numQubits) < lanes)
        {
            Phase11Scalar(re, im, numQubits, mask, phase, offset);
            return;
        }

        var inLane = mask & (lanes - 1);
        var outLane = mask & ~(lanes - 1);
        var select = LaneSelect<T>(inLane);
        var (pr, pi) = (Vector256.Create(T.CreateChecked(phase.Real)), Vector256.Create(T.CreateChecked(phase.Imaginary)));
        ref var r = ref MemoryMarshal.GetArrayDataReference(re);
        ref var i = ref MemoryMarshal.GetArrayDataReference(im);
        var length = 1 << numQubits;
        // Vectors whose out-of-lane bits are all set: x runs over the subsets of the other vector bits, in increasing order.
        var free = (length - 1) & ~(lanes - 1) & ~outLane;
        var x = 0;
        if (phase.Imaginary == 0)
        {
            // CZ and other real phases: one multiplication per component.
            do
            {
                var u = (nuint)(offset + (x | outLane));
                var xr = Vector256.LoadUnsafe(ref r, u);
                var xi = Vector256.LoadUnsafe(ref i, u);
                Vector256.ConditionalSelect(select, xr * pr, xr).StoreUnsafe(ref r, u);
                Vector256.ConditionalSelect(select, xi * pr, xi).StoreUnsafe(ref i, u);
                x = (x - free) & free;
            }
            while (x != 0);
            return;
        }

        do
        {
            var u = (nuint)(offset + (x | outLane));
            var xr = Vector256.LoadUnsafe(ref r, u);
            var xi = Vector256.LoadUnsafe(ref i, u);
            var yr = (xr * pr) - (xi * pi);
            var yi = (xr * pi) + (xi * pr);
            Vector256.ConditionalSelect(select, yr, xr).StoreUnsafe(ref r, u);
            Vector256.ConditionalSelect(select, yi, xi).StoreUnsafe(ref i, u);
            x = (x - free) & free;
        }
        while (x != 0);
    }

    /// <summary>All-ones lanes where the lane index has every bit of <paramref name="inLaneMask"/>.</summary>
    private static Vector256<T> LaneSelect<T>(int inLaneMask)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Span<T> lanes = stackalloc T[Vector256<T>.Count];
        var allOnes = Vector256<T>.AllBitsSet.GetElement(0);
        for (var l = 0; l < lanes.Length; l++)
        {
            lanes[l] = (l & inLaneMask) == inLaneMask ? allOnes : T.Zero;
        }

        return Vector256.Create<T>(lanes);
    }

    private static void Phase11Scalar<T>(T[] re, T[] im, int numQubits, int mask, Complex phase, int offset)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (pr, pi) = (T.CreateChecked(phase.Real), T.CreateChecked(phase.Imaginary));
        for (var a = offset; a < offset + (1 << numQubits); a++)
        {
            if (((a - offset) & mask) == mask)
            {
                var (xr, xi) = (re[a], im[a]);
                re[a] = (xr * pr) - (xi * pi);
                im[a] = (xr * pi) + (xi * pr);
            }
        }
    }

    /// <summary>Whether a bound 2×2 matrix is real (every imaginary part exactly 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsReal(ReadOnlySpan<Complex> m) =>
        m[0].Imaginary == 0 && m[1].Imaginary == 0 && m[2].Imaginary == 0 && m[3].Imaginary == 0;

    /// <summary>Whether a controlled 2×2 matrix is diag(1, phase): then the pass is a controlled phase.</summary>
    public static bool IsPhase(ReadOnlySpan<Complex> m) => m[0] == Complex.One && m[1] == Complex.Zero && m[2] == Complex.Zero;
}
