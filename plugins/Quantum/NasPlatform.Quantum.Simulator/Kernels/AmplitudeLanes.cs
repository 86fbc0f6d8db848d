using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NasPlatform.Quantum.Simulator.Kernels;

/// <summary>
/// Four amplitudes of one re or im array, read and written as a Vector256 of doubles whatever the array's precision,
/// so that a kernel which accumulates in double (the Pauli-sum passes) is written once for both state types.
/// </summary>
internal interface IAmplitudeLanes
{
    Vector256<double> Load(int offset);

    void Store(int offset, Vector256<double> value);
}

/// <summary>A complex128 state's re or im array.</summary>
internal readonly struct DoubleLanes(double[] values) : IAmplitudeLanes
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<double> Load(int offset) => Simd.Load(values, offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(int offset, Vector256<double> value) => Simd.Store(values, offset, value);
}

/// <summary>A complex64 state's re or im array: four floats widened on load, rounded once on store.</summary>
internal readonly struct SingleLanes(float[] values) : IAmplitudeLanes
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<double> Load(int offset)
    {
        var v = Vector128.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(values), (nuint)offset);
        return Avx.IsSupported
            ? Avx.ConvertToVector256Double(v)
            : Vector256.Create(Vector128.WidenLower(v), Vector128.WidenUpper(v));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(int offset, Vector256<double> value)
    {
        var v = Avx.IsSupported
            ? Avx.ConvertToVector128Single(value)
            : Vector128.Narrow(value.GetLower(), value.GetUpper());
        v.StoreUnsafe(ref MemoryMarshal.GetArrayDataReference(values), (nuint)offset);
    }
}
