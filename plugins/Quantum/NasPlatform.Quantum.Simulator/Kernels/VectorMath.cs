using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NasPlatform.Quantum.Simulator.Kernels;

/// <summary>
/// Fused multiply-adds and complex products for kernels that are generic over the precision (the cache, dense and
/// staging kernels). The JIT keeps one branch per instantiation, and the operation order is that of
/// <see cref="Simd"/> and <see cref="SimdSingle"/>, so a generic kernel gives the same bits as its per-precision twin.
/// </summary>
internal static class VectorMath
{
    /// <summary>a·b + c, fused where the CPU has FMA.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> MulAdd<T>(Vector256<T> a, Vector256<T> b, Vector256<T> c)
        where T : unmanaged
    {
        if (Fma.IsSupported && typeof(T) == typeof(double))
        {
            return Fma.MultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
        }

        if (Fma.IsSupported && typeof(T) == typeof(float))
        {
            return Fma.MultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        }

        return (a * b) + c;
    }

    /// <summary>c − a·b, fused where the CPU has FMA.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> NegMulAdd<T>(Vector256<T> a, Vector256<T> b, Vector256<T> c)
        where T : unmanaged
    {
        if (Fma.IsSupported && typeof(T) == typeof(double))
        {
            return Fma.MultiplyAddNegated(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
        }

        if (Fma.IsSupported && typeof(T) == typeof(float))
        {
            return Fma.MultiplyAddNegated(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        }

        return c - (a * b);
    }

    /// <summary>coefficient · x for complex vectors (as <see cref="Simd.CMul"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CMul<T>(
        Vector256<T> cr, Vector256<T> ci, Vector256<T> xr, Vector256<T> xi, out Vector256<T> outR, out Vector256<T> outI)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        outR = NegMulAdd(ci, xi, cr * xr);
        outI = MulAdd(ci, xr, cr * xi);
    }

    /// <summary>acc += coefficient · x for complex vectors (as <see cref="Simd.CMulAdd"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CMulAdd<T>(
        Vector256<T> cr, Vector256<T> ci, Vector256<T> xr, Vector256<T> xi, ref Vector256<T> accR, ref Vector256<T> accI)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        accR = NegMulAdd(ci, xi, MulAdd(cr, xr, accR));
        accI = MulAdd(ci, xr, MulAdd(cr, xi, accI));
    }
}
