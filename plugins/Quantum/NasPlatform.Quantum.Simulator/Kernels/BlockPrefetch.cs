using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace NasPlatform.Quantum.Simulator.Kernels;

/// <summary>
/// Software prefetch for one-qubit passes whose pair partners lie 512 B to 32 KiB apart. The pass walks each block of
/// 2·partner amplitudes as two interleaved streams (low half and high half); at these distances the hardware
/// prefetchers follow them badly and such targets ran 2-4.5× the memory floor where other targets run at 1×
/// (24 qubits, AMD EPYC). Asking for a later block's lines in address order, one line per array per step,
/// makes the memory see one sequential stream again.
/// </summary>
internal static class BlockPrefetch
{
    /// <summary>
    /// How far ahead (bytes per array) the prefetched block starts, at least one block; settable for benchmarks' sweeps.
    /// 8 KiB: against 16 KiB, targets with partners 512 B-4 KiB apart went from 1.44-1.63× to 1.20-1.27× the floor in
    /// one set of five alternated runs and from 1.42-1.66× to 1.27-1.52× in another of three (24 qubits complex128,
    /// medians; docs/benchmarks.md). Partners of 8 KiB and more prefetch one block ahead either way.
    /// </summary>
    public static int DistanceBytes { get; set; } = 8192;

    /// <summary>The widest partner distance (bytes) that is prefetched; settable for benchmarks' sweeps.</summary>
    public static int MaxPartnerBytes { get; set; } = 32768;

    /// <summary>Switch for side-by-side timing (benchmarks); on by default.</summary>
    public static bool Enabled { get; set; } = true;

    /// <summary>Amplitudes from a block's start to the block prefetched from it, or 0 where this pass does not prefetch.</summary>
    public static int Ahead<T>(int numQubits, int target, int control)
    {
        var partnerBytes = (long)Unsafe.SizeOf<T>() << target;
        if (!Enabled || !Sse.IsSupported || control >= 0 || numQubits < 16 || partnerBytes < 512 || partnerBytes > MaxPartnerBytes)
        {
            return 0;
        }

        var blocks = Math.Max(1, DistanceBytes / (int)(2 * partnerBytes));
        return (2 << target) * blocks;
    }

    /// <summary>
    /// Prefetches, for the step at amplitude <paramref name="a"/> of the low half of its block, line
    /// 2·(a − block start) of the block <paramref name="ahead"/> amplitudes on, in both arrays.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Step<T>(T[] re, T[] im, int a, int target, int ahead)
        where T : unmanaged
    {
        var blockStart = a & ~((2 << target) - 1);
        var index = blockStart + ahead + (2 * (a - blockStart));
        if (index < re.Length)
        {
            fixed (T* r = re, i = im)
            {
                Sse.Prefetch0(r + index);
                Sse.Prefetch0(i + index);
            }
        }
    }
}
