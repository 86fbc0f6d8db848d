using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NasPlatform.Quantum.Simulator.Kernels;

/// <summary>
/// The dense 8×8 pass of a three-qubit block whose bits all pair whole vectors (the common case: every block that
/// avoids the last two qubits in double, three in single), in either precision. Unrolled where
/// <see cref="DenseKernel"/>'s generic loop is not: the eight input vectors of a group are loaded once, and each
/// pair of output rows is summed in eight independent accumulators (Σ c_re·x_re, Σ c_im·x_im, Σ c_re·x_im,
/// Σ c_im·x_re per row), so the FMAs do not wait on each other's latency as one re/im accumulator per row does.
/// </summary>
internal static class DenseKernel3
{
    /// <summary>Whether <see cref="DenseKernel"/> hands its three-qubit cross-vector blocks here (the benchmark times both).</summary>
    public static bool Enabled { get; set; } = true;

    /// <summary>Whether this kernel serves a block on <paramref name="bits"/> for element type T.</summary>
    public static bool Handles<T>(ReadOnlySpan<int> bits, int numQubits)
        where T : unmanaged
    {
        var laneBits = BitOperations.Log2((uint)Vector256<T>.Count);
        if (!Enabled || bits.Length != 3 || !Vector256.IsHardwareAccelerated || !Fma.IsSupported || numQubits < laneBits + 3)
        {
            return false;
        }

        foreach (var bit in bits)
        {
            if (bit < laneBits)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Applies <paramref name="m"/> (8×8 row-major; <paramref name="bits"/>[0] the matrix index's high bit).</summary>
    public static void Run<T>(T[] re, T[] im, int numQubits, ReadOnlySpan<int> bits, ReadOnlySpan<Complex> m)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var lanes = Vector256<T>.Count;
        var laneBits = BitOperations.Log2((uint)lanes);
        // c[2·(8·row + column)] = re, + 1 = im, broadcast to every lane.
        Span<Vector256<T>> c = stackalloc Vector256<T>[128];
        for (var k = 0; k < 64; k++)
        {
            c[2 * k] = Vector256.Create(T.CreateChecked(m[k].Real));
            c[(2 * k) + 1] = Vector256.Create(T.CreateChecked(m[k].Imaginary));
        }

        Span<int> offset = stackalloc int[8];
        for (var j = 0; j < 8; j++)
        {
            offset[j] = (((j >> 2) & 1) << bits[0]) | (((j >> 1) & 1) << bits[1]) | ((j & 1) << bits[2]);
        }

        Span<int> sorted = [bits[0] - laneBits, bits[1] - laneBits, bits[2] - laneBits];
        sorted.Sort();
        var count = ((1 << numQubits) / lanes) >> 3;
        var run = Math.Min(1 << sorted[0], count);
        Span<Vector256<T>> x = stackalloc Vector256<T>[16];
        ref var xs = ref MemoryMarshal.GetReference(x);
        ref var cs = ref MemoryMarshal.GetReference(c);
        ref var os = ref MemoryMarshal.GetReference(offset);
        ref var r0 = ref MemoryMarshal.GetArrayDataReference(re);
        ref var i0 = ref MemoryMarshal.GetArrayDataReference(im);
        for (var i = 0; i < count; i += run)
        {
            var first = Simd.InsertZero(Simd.InsertZero(Simd.InsertZero(i, sorted[0]), sorted[1]), sorted[2]) * lanes;
            var end = first + (run * lanes);
            for (var a = first; a < end; a += lanes)
            {
                // Unchecked: a + offset[j] < 2^n for every group (the group's bits are zero in a).
                for (var j = 0; j < 8; j++)
                {
                    var at = (nuint)(a + Unsafe.Add(ref os, j));
                    Unsafe.Add(ref xs, 2 * j) = Vector256.LoadUnsafe(ref r0, at);
                    Unsafe.Add(ref xs, (2 * j) + 1) = Vector256.LoadUnsafe(ref i0, at);
                }

                for (var row = 0; row < 8; row += 2)
                {
                    TwoRows(ref Unsafe.Add(ref cs, 16 * row), ref xs, out var y0r, out var y0i, out var y1r, out var y1i);
                    var at0 = (nuint)(a + Unsafe.Add(ref os, row));
                    var at1 = (nuint)(a + Unsafe.Add(ref os, row + 1));
                    y0r.StoreUnsafe(ref r0, at0);
                    y0i.StoreUnsafe(ref i0, at0);
                    y1r.StoreUnsafe(ref r0, at1);
                    y1i.StoreUnsafe(ref i0, at1);
                }
            }
        }
    }

    /// <summary>Rows r and r + 1 of the product (c points at row r's 16 coefficient vectors, row r + 1's follow).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void TwoRows<T>(
        ref Vector256<T> c, ref Vector256<T> x,
        out Vector256<T> y0r, out Vector256<T> y0i, out Vector256<T> y1r, out Vector256<T> y1i)
        where T : unmanaged
    {
        var (xr, xi) = (x, Unsafe.Add(ref x, 1));
        var (a0, b0) = (c, Unsafe.Add(ref c, 1));
        var (a1, b1) = (Unsafe.Add(ref c, 16), Unsafe.Add(ref c, 17));
        var (rr0, ii0, ri0, ir0) = (a0 * xr, b0 * xi, a0 * xi, b0 * xr);
        var (rr1, ii1, ri1, ir1) = (a1 * xr, b1 * xi, a1 * xi, b1 * xr);
        for (var j = 1; j < 8; j++)
        {
            (xr, xi) = (Unsafe.Add(ref x, 2 * j), Unsafe.Add(ref x, (2 * j) + 1));
            (a0, b0) = (Unsafe.Add(ref c, 2 * j), Unsafe.Add(ref c, (2 * j) + 1));
            (a1, b1) = (Unsafe.Add(ref c, 16 + (2 * j)), Unsafe.Add(ref c, 17 + (2 * j)));
            rr0 = VectorMath.MulAdd(a0, xr, rr0);
            ii0 = VectorMath.MulAdd(b0, xi, ii0);
            ri0 = VectorMath.MulAdd(a0, xi, ri0);
            ir0 = VectorMath.MulAdd(b0, xr, ir0);
            rr1 = VectorMath.MulAdd(a1, xr, rr1);
            ii1 = VectorMath.MulAdd(b1, xi, ii1);
            ri1 = VectorMath.MulAdd(a1, xi, ri1);
            ir1 = VectorMath.MulAdd(b1, xr, ir1);
        }

        (y0r, y0i, y1r, y1i) = (rr0 - ii0, ri0 + ir0, rr1 - ii1, ri1 + ir1);
    }
}
