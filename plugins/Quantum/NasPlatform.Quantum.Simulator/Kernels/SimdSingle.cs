using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NasPlatform.Quantum.Simulator.Kernels;

/// <summary>Vector256 helpers of the complex64 kernels (8 amplitudes per vector, split re/im arrays).</summary>
internal static class SimdSingle
{
    public const int Lanes = 8;

    /// <summary>Index bits that live inside one vector (0, 1, 2).</summary>
    public const int LaneBits = 3;

    /// <summary>SIMD kernels need at least one full vector: n ≥ 3 qubits.</summary>
    public static bool Usable(int numQubits) => numQubits >= LaneBits && Vector256.IsHardwareAccelerated;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Load(float[] a, int offset) =>
        Vector256.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(a), (nuint)offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(float[] a, int offset, Vector256<float> v) =>
        v.StoreUnsafe(ref MemoryMarshal.GetArrayDataReference(a), (nuint)offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> MulAdd(Vector256<float> a, Vector256<float> b, Vector256<float> c) =>
        Fma.IsSupported ? Fma.MultiplyAdd(a, b, c) : (a * b) + c;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> NegMulAdd(Vector256<float> a, Vector256<float> b, Vector256<float> c) =>
        Fma.IsSupported ? Fma.MultiplyAddNegated(a, b, c) : c - (a * b);

    /// <summary>acc += coefficient · x for complex vectors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CMulAdd(
        Vector256<float> cr, Vector256<float> ci, Vector256<float> xr, Vector256<float> xi,
        ref Vector256<float> accR, ref Vector256<float> accI)
    {
        accR = NegMulAdd(ci, xi, MulAdd(cr, xr, accR));
        accI = MulAdd(ci, xr, MulAdd(cr, xi, accI));
    }

    /// <summary>coefficient · x for complex vectors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CMul(
        Vector256<float> cr, Vector256<float> ci, Vector256<float> xr, Vector256<float> xi,
        out Vector256<float> outR, out Vector256<float> outI)
    {
        outR = NegMulAdd(ci, xi, cr * xr);
        outI = MulAdd(ci, xr, cr * xi);
    }

    /// <summary>The lane indices l XOR <paramref name="mask"/>, for <see cref="Permute"/>.</summary>
    public static Vector256<int> XorIndex(int mask) =>
        Vector256.Create(0 ^ mask, 1 ^ mask, 2 ^ mask, 3 ^ mask, 4 ^ mask, 5 ^ mask, 6 ^ mask, 7 ^ mask);

    /// <summary>Lane l takes lane index[l] (one vpermps with AVX2).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Permute(Vector256<float> v, Vector256<int> index) =>
        Avx2.IsSupported ? Avx2.PermuteVar8x32(v, index) : Vector256.Shuffle(v, index);

    /// <summary>Real parts of eight per-lane coefficients, rounded to single.</summary>
    public static Vector256<float> Real(ReadOnlySpan<Complex> lanes)
    {
        Span<float> v = stackalloc float[Lanes];
        for (var l = 0; l < Lanes; l++)
        {
            v[l] = (float)lanes[l].Real;
        }

        return Vector256.Create<float>(v);
    }

    /// <summary>Imaginary parts of eight per-lane coefficients, rounded to single.</summary>
    public static Vector256<float> Imaginary(ReadOnlySpan<Complex> lanes)
    {
        Span<float> v = stackalloc float[Lanes];
        for (var l = 0; l < Lanes; l++)
        {
            v[l] = (float)lanes[l].Imaginary;
        }

        return Vector256.Create<float>(v);
    }
}

/// <summary>A fixed permutation of the eight lanes of a float vector: lane l takes lane l XOR mask.</summary>
internal interface ILanePermuteSingle
{
    static abstract Vector256<float> Apply(Vector256<float> v);
}

internal struct XorSingle1 : ILanePermuteSingle
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Apply(Vector256<float> v) =>
        Avx.IsSupported ? Avx.Permute(v, 0b10_11_00_01) : Vector256.Shuffle(v, Vector256.Create(1, 0, 3, 2, 5, 4, 7, 6));
}

internal struct XorSingle2 : ILanePermuteSingle
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Apply(Vector256<float> v) =>
        Avx.IsSupported ? Avx.Permute(v, 0b01_00_11_10) : Vector256.Shuffle(v, Vector256.Create(2, 3, 0, 1, 6, 7, 4, 5));
}

internal struct XorSingle4 : ILanePermuteSingle
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Apply(Vector256<float> v) =>
        Avx.IsSupported ? Avx.Permute2x128(v, v, 0x01) : Vector256.Shuffle(v, Vector256.Create(4, 5, 6, 7, 0, 1, 2, 3));
}
