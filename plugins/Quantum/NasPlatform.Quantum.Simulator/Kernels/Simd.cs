using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NasPlatform.Quantum.Simulator.Kernels;

/// <summary>Vector256 helpers shared by the gate kernels (4 amplitudes per vector, split re/im arrays).</summary>
internal static class Simd
{
    public const int Lanes = 4;

    /// <summary>SIMD kernels need at least one full vector: n ≥ 2 qubits.</summary>
    public static bool Usable(int numQubits) => numQubits >= 2 && Vector256.IsHardwareAccelerated;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Load(double[] a, int offset) =>
        Vector256.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(a), (nuint)offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(double[] a, int offset, Vector256<double> v) =>
        v.StoreUnsafe(ref MemoryMarshal.GetArrayDataReference(a), (nuint)offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> MulAdd(Vector256<double> a, Vector256<double> b, Vector256<double> c) =>
        Fma.IsSupported ? Fma.MultiplyAdd(a, b, c) : (a * b) + c;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> NegMulAdd(Vector256<double> a, Vector256<double> b, Vector256<double> c) =>
        Fma.IsSupported ? Fma.MultiplyAddNegated(a, b, c) : c - (a * b);

    /// <summary>acc += coefficient · x for complex vectors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CMulAdd(
        Vector256<double> cr, Vector256<double> ci, Vector256<double> xr, Vector256<double> xi,
        ref Vector256<double> accR, ref Vector256<double> accI)
    {
        accR = NegMulAdd(ci, xi, MulAdd(cr, xr, accR));
        accI = MulAdd(ci, xr, MulAdd(cr, xi, accI));
    }

    /// <summary>coefficient · x for complex vectors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CMul(
        Vector256<double> cr, Vector256<double> ci, Vector256<double> xr, Vector256<double> xi,
        out Vector256<double> outR, out Vector256<double> outI)
    {
        outR = NegMulAdd(ci, xi, cr * xr);
        outI = MulAdd(ci, xr, cr * xi);
    }

    /// <summary>Inserts a zero bit at <paramref name="position"/>, shifting the higher bits up.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int InsertZero(int value, int position) =>
        ((value >> position) << (position + 1)) | (value & ((1 << position) - 1));
}

/// <summary>A fixed permutation of the four lanes of a vector: lane l takes lane l XOR mask.</summary>
internal interface ILanePermute
{
    static abstract Vector256<double> Apply(Vector256<double> v);
}

internal struct NoPermute : ILanePermute
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Apply(Vector256<double> v) => v;
}

internal struct Xor1 : ILanePermute
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Apply(Vector256<double> v) =>
        Avx.IsSupported ? Avx.Permute(v, 0b0101) : Vector256.Shuffle(v, Vector256.Create(1L, 0, 3, 2));
}

internal struct Xor2 : ILanePermute
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Apply(Vector256<double> v) =>
        Avx2.IsSupported ? Avx2.Permute4x64(v, 0x4E) : Vector256.Shuffle(v, Vector256.Create(2L, 3, 0, 1));
}

internal struct Xor3 : ILanePermute
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Apply(Vector256<double> v) =>
        Avx2.IsSupported ? Avx2.Permute4x64(v, 0x1B) : Vector256.Shuffle(v, Vector256.Create(3L, 2, 1, 0));
}
