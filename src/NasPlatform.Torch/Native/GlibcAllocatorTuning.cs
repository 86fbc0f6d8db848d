using System.Runtime.InteropServices;

namespace NasPlatform.Torch.Native;

/// <summary>
/// Keeps freed LibTorch buffers in the process instead of handing them back to the kernel after every step.
/// LibTorch's CPU allocator is plain <c>posix_memalign</c>/<c>free</c>; with glibc's defaults the heap top is
/// trimmed (and large buffers are unmapped) as soon as a training step frees its activations, so the next
/// step page-faults the same megabytes in again, zero-filled by the kernel. Measured on the vision plugin's
/// training (docs/benchmarks.md, "Vision"): about a third of the CPU time went to the kernel. Raising the
/// trim threshold (256 MiB) and the mmap threshold (to glibc's maximum, 32 MiB), padding the heap top and
/// capping the arenas at one per core keeps that memory in the process; resident memory stays flat after
/// the first steps, some hundreds of megabytes higher.
/// </summary>
internal static class GlibcAllocatorTuning
{
    // mallopt parameter numbers from glibc's malloc.h.
    private const int TrimThreshold = -1;
    private const int TopPad = -2;
    private const int MmapThreshold = -3;
    private const int ArenaMax = -8;

    /// <summary>The glibc maximum for M_MMAP_THRESHOLD on 64-bit systems (HEAP_MAX_SIZE / 2).</summary>
    internal const int MmapThresholdBytes = 32 * 1024 * 1024;

    internal const int TrimThresholdBytes = 256 * 1024 * 1024;

    internal const int TopPadBytes = 16 * 1024 * 1024;

    /// <summary>
    /// Applies the settings on Linux with glibc, unless the user set any of glibc's own MALLOC_*_ variables
    /// (theirs win) or NASPLATFORM_MALLOC_TUNING=0. Returns whether they were applied.
    /// </summary>
    internal static bool Apply() => Apply(Environment.GetEnvironmentVariable);

    /// <summary>As <see cref="Apply()"/>, reading the variables through <paramref name="environment"/>.</summary>
    internal static bool Apply(Func<string, string?> environment)
    {
        if (!OperatingSystem.IsLinux()
            || environment("NASPLATFORM_MALLOC_TUNING") == "0"
            || environment("MALLOC_TRIM_THRESHOLD_") is not null
            || environment("MALLOC_MMAP_THRESHOLD_") is not null
            || environment("MALLOC_TOP_PAD_") is not null)
        {
            return false;
        }

        try
        {
            // mallopt returns 1 on success; musl and other C libraries without these settings return 0.
            // Every arena keeps up to the trim threshold, and glibc makes up to 8 per core as threads
            // come and go (trials run on pool threads): one per core bounds what is kept.
            return mallopt(MmapThreshold, MmapThresholdBytes) == 1
                & mallopt(TrimThreshold, TrimThresholdBytes) == 1
                & mallopt(TopPad, TopPadBytes) == 1
                & mallopt(ArenaMax, Math.Max(2, Environment.ProcessorCount)) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    // DllImport rather than LibraryImport: two ints need no marshalling code, and no unsafe blocks.
    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int mallopt(int parameter, int value);
}
