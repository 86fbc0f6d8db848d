using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NasPlatform.Quantum.Simulator.Kernels;

/// <summary>
/// A dense 2^k × 2^k matrix (k ≤ <see cref="MaxQubits"/>) on k index bits, in either precision (T = double or
/// float, split re/im arrays). One kernel for every placement of the bits: bits at or above the lane bits pair
/// whole vectors (a group is 2^kv vectors), bits inside a vector are reached by lane permutations (one vpermps
/// per XOR offset; a double lane is two float lanes), so every output vector is Σ over the group's vectors and
/// the 2^w offsets of a per-lane coefficient vector times a (permuted) input vector: 2^k complex multiply-adds
/// per output vector whatever the placement. Generic over T so that one source serves both precisions.
/// </summary>
internal static class DenseKernel
{
    public const int MaxQubits = 4;

    /// <summary>
    /// Applies <paramref name="m"/> (row-major, 2^k × 2^k) where <paramref name="bits"/>[0] is the matrix index's
    /// most significant bit. Bits are index bits (qubit q is bit n − 1 − q), distinct.
    /// </summary>
    public static void Run<T>(T[] re, T[] im, int numQubits, ReadOnlySpan<int> bits, ReadOnlySpan<Complex> m)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (DenseKernel3.Handles<T>(bits, numQubits))
        {
            DenseKernel3.Run(re, im, numQubits, bits, m);
            return;
        }

        var k = bits.Length;
        var laneBits = BitOperations.Log2((uint)Vector256<T>.Count);
        if (k > MaxQubits || !Vector256.IsHardwareAccelerated || !Avx2.IsSupported || numQubits < laneBits + CountAtOrAbove(bits, laneBits))
        {
            RunScalar(re, im, numQubits, bits, m);
            return;
        }

        Span<int> vectorBits = stackalloc int[k];
        Span<int> laneMasks = stackalloc int[k];
        var (kv, w) = (0, 0);
        foreach (var bit in bits)
        {
            if (bit >= laneBits)
            {
                vectorBits[kv++] = bit;
            }
            else
            {
                laneMasks[w++] = 1 << bit;
            }
        }

        var groupVectors = 1 << kv;
        var offsets = 1 << w;
        Span<Vector256<T>> cr = stackalloc Vector256<T>[groupVectors * groupVectors * offsets];
        Span<Vector256<T>> ci = stackalloc Vector256<T>[groupVectors * groupVectors * offsets];
        Coefficients(bits, laneBits, vectorBits[..kv], laneMasks[..w], m, cr, ci);
        Span<Vector256<int>> permutations = stackalloc Vector256<int>[offsets];
        for (var d = 0; d < offsets; d++)
        {
            permutations[d] = FloatIndex<T>(LaneMask(d, laneMasks[..w]));
        }

        Sweep(re, im, numQubits, laneBits, vectorBits[..kv], offsets, cr, ci, permutations);
    }

    private static void Sweep<T>(
        T[] re, T[] im, int numQubits, int laneBits, ReadOnlySpan<int> vectorBits, int offsets,
        ReadOnlySpan<Vector256<T>> cr, ReadOnlySpan<Vector256<T>> ci, ReadOnlySpan<Vector256<int>> permutations)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var kv = vectorBits.Length;
        var groupVectors = 1 << kv;
        Span<int> sorted = stackalloc int[kv];
        vectorBits.CopyTo(sorted);
        sorted.Sort();
        Span<int> groupOffset = stackalloc int[groupVectors];
        for (var bv = 0; bv < groupVectors; bv++)
        {
            groupOffset[bv] = 0;
            for (var j = 0; j < kv; j++)
            {
                groupOffset[bv] |= ((bv >> (kv - 1 - j)) & 1) << vectorBits[j];
            }
        }

        Span<Vector256<T>> xr = stackalloc Vector256<T>[groupVectors * offsets];
        Span<Vector256<T>> xi = stackalloc Vector256<T>[groupVectors * offsets];
        var lanes = Vector256<T>.Count;
        var groups = (1 << numQubits) / lanes >> kv;
        for (var g = 0; g < groups; g++)
        {
            var baseVector = g;
            foreach (var bit in sorted)
            {
                baseVector = Simd.InsertZero(baseVector, bit - laneBits);
            }

            var a = baseVector * lanes;
            for (var bv = 0; bv < groupVectors; bv++)
            {
                var r = Load(re, a + groupOffset[bv]);
                var i = Load(im, a + groupOffset[bv]);
                for (var d = 0; d < offsets; d++)
                {
                    (xr[d * groupVectors + bv], xi[d * groupVectors + bv]) = d == 0 ? (r, i) : (Permute(r, permutations[d]), Permute(i, permutations[d]));
                }
            }

            // Unchecked refs: the spans' bounds were fixed above, and the checks cost as much as the arithmetic here.
            var terms = groupVectors * offsets;
            ref var crRow = ref MemoryMarshal.GetReference(cr);
            ref var ciRow = ref MemoryMarshal.GetReference(ci);
            ref var x0r = ref MemoryMarshal.GetReference(xr);
            ref var x0i = ref MemoryMarshal.GetReference(xi);
            for (var bv = 0; bv < groupVectors; bv++)
            {
                var yr = Vector256<T>.Zero;
                var yi = Vector256<T>.Zero;
                for (var t = 0; t < terms; t++)
                {
                    var (c_r, c_i) = (Unsafe.Add(ref crRow, t), Unsafe.Add(ref ciRow, t));
                    var (v_r, v_i) = (Unsafe.Add(ref x0r, t), Unsafe.Add(ref x0i, t));
                    yr = VectorMath.NegMulAdd(c_i, v_i, VectorMath.MulAdd(c_r, v_r, yr));
                    yi = VectorMath.MulAdd(c_i, v_r, VectorMath.MulAdd(c_r, v_i, yi));
                }

                crRow = ref Unsafe.Add(ref crRow, terms);
                ciRow = ref Unsafe.Add(ref ciRow, terms);
                Store(re, a + groupOffset[bv], yr);
                Store(im, a + groupOffset[bv], yi);
            }
        }
    }

    /// <summary>c[(bv · 2^kv·2^w) + d · 2^kv + bv2][lane] = M[row(bv, lane), col(bv2, lane XOR offset d)].</summary>
    private static void Coefficients<T>(
        ReadOnlySpan<int> bits, int laneBits, ReadOnlySpan<int> vectorBits, ReadOnlySpan<int> laneMasks, ReadOnlySpan<Complex> m,
        Span<Vector256<T>> cr, Span<Vector256<T>> ci)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var k = bits.Length;
        var dim = 1 << k;
        var groupVectors = 1 << vectorBits.Length;
        var offsets = 1 << laneMasks.Length;
        var lanes = Vector256<T>.Count;
        Span<T> laneRe = stackalloc T[lanes];
        Span<T> laneIm = stackalloc T[lanes];
        // The matrix index of every (group vector, lane), once: the loops below only look it up.
        Span<int> index = stackalloc int[groupVectors * lanes];
        for (var bv = 0; bv < groupVectors; bv++)
        {
            for (var l = 0; l < lanes; l++)
            {
                index[bv * lanes + l] = MatrixIndex(bits, laneBits, vectorBits, bv, l);
            }
        }

        for (var bv = 0; bv < groupVectors; bv++)
        {
            for (var d = 0; d < offsets; d++)
            {
                var laneMask = LaneMask(d, laneMasks);
                for (var bv2 = 0; bv2 < groupVectors; bv2++)
                {
                    for (var l = 0; l < lanes; l++)
                    {
                        var value = m[dim * index[bv * lanes + l] + index[bv2 * lanes + (l ^ laneMask)]];
                        (laneRe[l], laneIm[l]) = (T.CreateChecked(value.Real), T.CreateChecked(value.Imaginary));
                    }

                    var at = (bv * offsets + d) * groupVectors + bv2;
                    (cr[at], ci[at]) = (Vector256.Create<T>(laneRe), Vector256.Create<T>(laneIm));
                }
            }
        }
    }

    /// <summary>The matrix index of the amplitude in lane <paramref name="lane"/> of group vector <paramref name="bv"/>.</summary>
    private static int MatrixIndex(ReadOnlySpan<int> bits, int laneBits, ReadOnlySpan<int> vectorBits, int bv, int lane)
    {
        var k = bits.Length;
        var kv = vectorBits.Length;
        var index = 0;
        for (var j = 0; j < k; j++)
        {
            int bit;
            if (bits[j] >= laneBits)
            {
                var position = vectorBits.IndexOf(bits[j]);
                bit = (bv >> (kv - 1 - position)) & 1;
            }
            else
            {
                bit = (lane >> bits[j]) & 1;
            }

            index |= bit << (k - 1 - j);
        }

        return index;
    }

    private static int LaneMask(int offset, ReadOnlySpan<int> laneMasks)
    {
        var mask = 0;
        for (var t = 0; t < laneMasks.Length; t++)
        {
            mask |= ((offset >> t) & 1) * laneMasks[t];
        }

        return mask;
    }

    private static int CountAtOrAbove(ReadOnlySpan<int> bits, int laneBits)
    {
        var count = 0;
        foreach (var bit in bits)
        {
            count += bit >= laneBits ? 1 : 0;
        }

        return count;
    }

    /// <summary>The float-lane indices of "lane l takes lane l XOR mask" for T's lanes (a double is two float lanes).</summary>
    private static Vector256<int> FloatIndex<T>(int mask)
        where T : unmanaged
    {
        Span<int> index = stackalloc int[8];
        var width = 8 / Vector256<T>.Count;
        for (var f = 0; f < 8; f++)
        {
            index[f] = (((f / width) ^ mask) * width) + (f % width);
        }

        return Vector256.Create<int>(index);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<T> Permute<T>(Vector256<T> v, Vector256<int> floatIndex)
        where T : unmanaged => Avx2.PermuteVar8x32(v.AsSingle(), floatIndex).As<float, T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<T> Load<T>(T[] a, int offset)
        where T : unmanaged => Vector256.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(a), (nuint)offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store<T>(T[] a, int offset, Vector256<T> v)
        where T : unmanaged => v.StoreUnsafe(ref MemoryMarshal.GetArrayDataReference(a), (nuint)offset);

    /// <summary>Reference loop (and small registers): products in double, rounded once per amplitude.</summary>
    internal static void RunScalar<T>(T[] re, T[] im, int numQubits, ReadOnlySpan<int> bits, ReadOnlySpan<Complex> m)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var k = bits.Length;
        var dim = 1 << k;
        var all = 0;
        foreach (var bit in bits)
        {
            all |= 1 << bit;
        }

        Span<int> index = stackalloc int[dim];
        Span<Complex> x = stackalloc Complex[dim];
        for (var a = 0; a < 1 << numQubits; a++)
        {
            if ((a & all) != 0)
            {
                continue;
            }

            for (var r = 0; r < dim; r++)
            {
                index[r] = a;
                for (var j = 0; j < k; j++)
                {
                    index[r] |= ((r >> (k - 1 - j)) & 1) << bits[j];
                }

                x[r] = new Complex(double.CreateChecked(re[index[r]]), double.CreateChecked(im[index[r]]));
            }

            for (var r = 0; r < dim; r++)
            {
                var y = Complex.Zero;
                for (var c = 0; c < dim; c++)
                {
                    y += m[dim * r + c] * x[c];
                }

                (re[index[r]], im[index[r]]) = (T.CreateChecked(y.Real), T.CreateChecked(y.Imaginary));
            }
        }
    }
}
