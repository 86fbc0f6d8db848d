using System.Runtime.InteropServices;

namespace NasPlatform.Quantum.Simulator;

/// <summary>
/// Keeps large amplitude arrays off address distances that are (within a few MiB) multiples of 256 MiB from each other.
/// On the benchmark machine (AMD EPYC, 2 cores) two read+write streams exactly 256 MiB, 512 MiB or 1 GiB apart ran at
/// 10-11 GB/s against 50 GB/s at any other distance (docs/benchmarks.md, "The top-qubit pass"), and the GC lays out
/// power-of-two arrays back to back: a complex64 state's re and im landed 256 MiB + 24 B apart after a complex128 state
/// of the same size, and every gate on it then ran at 5× the memory floor. A state's im array that lands at such a distance
/// from its re array is held, a spacer is allocated behind it, and the array is allocated again (neither is touched,
/// so neither costs physical memory; both are garbage once this returns).
/// </summary>
internal static class StatePlacement
{
    private const int Attempts = 16;
    private const int SpacerBytes = 24 << 20;

    /// <summary>The distance period the memory system punishes; tests shrink it to exercise the retry on small arrays.</summary>
    internal static long Period { get; set; } = 256L << 20;

    /// <summary>How close to a multiple of <see cref="Period"/> counts as that multiple.</summary>
    internal static long Margin { get; set; } = 2L << 20;

    /// <summary>Switch for side-by-side timing (benchmarks); on by default.</summary>
    public static bool Enabled { get; set; } = true;

    /// <summary>
    /// A pinned, uninitialized array whose distance from <paramref name="apartFrom"/> (the state's other array; null:
    /// any place) is not near a multiple of <see cref="Period"/>, nor one pair partner off one.
    /// </summary>
    public static T[] AllocatePinned<T>(int length, Array? apartFrom)
        where T : unmanaged
    {
        var held = new List<Array>();
        var array = GC.AllocateUninitializedArray<T>(length, pinned: true);
        for (var attempt = 1; Enabled && apartFrom is not null && attempt < Attempts && Conflicts(Address(array), Address(apartFrom)); attempt++)
        {
            held.Add(array);
            held.Add(GC.AllocateUninitializedArray<byte>(attempt * SpacerBytes, pinned: true));
            array = GC.AllocateUninitializedArray<T>(length, pinned: true);
        }

        GC.KeepAlive(held);
        return array;
    }

    /// <summary>
    /// Whether streams in two arrays can meet a punished distance: the starts' distance lies within <see cref="Margin"/>
    /// of a multiple of <see cref="Period"/>, or of one shifted by a pair partner (a power of two below the period, as a
    /// pass on one array reads a + partner while the other array's stream is at a).
    /// </summary>
    internal static bool Conflicts(nint first, nint second)
    {
        var distance = Math.Abs((long)first - (long)second) % Period;
        for (var partner = Margin; partner < Period; partner *= 2)
        {
            if (Near(distance, partner) || Near(distance, Period - partner))
            {
                return true;
            }
        }

        return Near(distance, 0) || Near(distance, Period);
    }

    private static bool Near(long distance, long center) => Math.Abs(distance - center) < Margin;

    internal static nint Address(Array array) => Marshal.UnsafeAddrOfPinnedArrayElement(array, 0);
}
