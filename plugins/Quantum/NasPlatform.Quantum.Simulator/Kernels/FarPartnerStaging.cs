using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NasPlatform.Quantum.Simulator.Kernels;

/// <summary>
/// One-qubit passes whose pair partners lie 256 MiB or more apart (the top target bits from 26 qubits in double,
/// 27 in single). Two read+write streams at such distances ran 3-4× slower than at 128 MiB on the benchmark machine
/// (AMD EPYC, 2 cores), in our kernel and in a plain C loop alike (docs/benchmarks.md, "The top-qubit pass"): the
/// memory system, not the arithmetic, punishes the two far-apart streams written back line by line in turn. Here the
/// partner half goes through a 4 KiB staging tile: read in one burst, updated in L1 while the near half streams in
/// place, written back in one burst. Same FMA sequence as the plain pass, so the results are bit for bit the same.
/// </summary>
internal static class FarPartnerStaging
{
    /// <summary>Bytes per staged tile of one array (re or im).</summary>
    private const int TileBytes = 4096;

    /// <summary>Smallest partner distance (bytes) staged; tests lower it to run the path on small states, benchmarks to sweep it.</summary>
    public static long MinPartnerBytes { get; set; } = 256L << 20;

    /// <summary>Switch for side-by-side timing (benchmarks); on by default.</summary>
    public static bool Enabled { get; set; } = true;

    /// <summary>Whether a pass on <paramref name="target"/> (an index bit) stages its partner half.</summary>
    public static bool Applies<T>(int target)
        where T : unmanaged =>
        Enabled && ((long)Unsafe.SizeOf<T>() << target) >= MinPartnerBytes;

    /// <summary>
    /// Applies the matrix (coefficient vectors m00r, m00i, m01r, m01i, m10r, m10i, m11r, m11i) to the pairs
    /// (a, a + <paramref name="partner"/>) for a in [<paramref name="start"/>, <paramref name="end"/>).
    /// </summary>
    public static void Run<T>(T[] re, T[] im, int start, int end, int partner, ReadOnlySpan<Vector256<T>> c)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var tile = TileBytes / Unsafe.SizeOf<T>();
        Span<T> stageRe = stackalloc T[tile];
        Span<T> stageIm = stackalloc T[tile];
        ref var r = ref MemoryMarshal.GetArrayDataReference(re);
        ref var i = ref MemoryMarshal.GetArrayDataReference(im);
        ref var sr = ref MemoryMarshal.GetReference(stageRe);
        ref var si = ref MemoryMarshal.GetReference(stageIm);
        for (var t = start; t < end; t += tile)
        {
            var length = Math.Min(tile, end - t);
            Copy(ref Unsafe.Add(ref r, t + partner), ref sr, length);
            Copy(ref Unsafe.Add(ref i, t + partner), ref si, length);
            for (var k = 0; k < length; k += Vector256<T>.Count)
            {
                var a = (nuint)(t + k);
                var ar = Vector256.LoadUnsafe(ref r, a);
                var ai = Vector256.LoadUnsafe(ref i, a);
                var br = Vector256.LoadUnsafe(ref sr, (nuint)k);
                var bi = Vector256.LoadUnsafe(ref si, (nuint)k);
                VectorMath.CMul(c[0], c[1], ar, ai, out var outAr, out var outAi);
                VectorMath.CMulAdd(c[2], c[3], br, bi, ref outAr, ref outAi);
                VectorMath.CMul(c[4], c[5], ar, ai, out var outBr, out var outBi);
                VectorMath.CMulAdd(c[6], c[7], br, bi, ref outBr, ref outBi);
                outAr.StoreUnsafe(ref r, a);
                outAi.StoreUnsafe(ref i, a);
                outBr.StoreUnsafe(ref sr, (nuint)k);
                outBi.StoreUnsafe(ref si, (nuint)k);
            }

            Copy(ref sr, ref Unsafe.Add(ref r, t + partner), length);
            Copy(ref si, ref Unsafe.Add(ref i, t + partner), length);
        }
    }

    /// <summary>Vector by vector: for 4 KiB the plain loop beat Span.CopyTo (memmove) here, as in the C prototype.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Copy<T>(ref T from, ref T to, int length)
        where T : unmanaged
    {
        for (var k = 0; k < length; k += Vector256<T>.Count)
        {
            Vector256.LoadUnsafe(ref from, (nuint)k).StoreUnsafe(ref to, (nuint)k);
        }
    }
}
