using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NasPlatform.Quantum.Simulator;

/// <summary>
/// The amplitude arrays of large states, on 2 MiB transparent huge pages where Linux offers them (issue 20). An array of
/// at least <see cref="MinBytes"/> is allocated pinned and uninitialized; its 2 MiB-aligned interior is advised
/// (MADV_HUGEPAGE, or MADV_NOHUGEPAGE when turned off) and emptied (MADV_DONTNEED: the GC may hand out memory an earlier
/// state left mapped in pages of the other size) before the clear faults in fresh pages, then collapsed (MADV_COLLAPSE,
/// Linux 6.1+) where some stayed small. Measured side by side (docs/benchmarks.md): the complex128 floor 5-41 % faster,
/// RX without a consistent change; the slow middle targets stay slow (their
/// partner amplitude is in the same 4 KiB page, so the TLB is not their cause). The arrays stay ordinary managed
/// arrays, so the states' API and span access are unchanged and the GC frees them; smaller states, other systems and
/// refused advice get plain arrays.
/// </summary>
internal static class StateMemory
{
    /// <summary>Arrays from this size ask for huge pages (smaller ones have at most one aligned 2 MiB page inside).</summary>
    public const long MinBytes = 4L << 20;

    private const long HugePageBytes = 2L << 20;
    private const int MadvDontNeed = 4;
    private const int MadvHugePage = 14;
    private const int MadvNoHugePage = 15;
    private const int MadvCollapse = 25;

    /// <summary>
    /// Whether large states ask for huge pages: on unless the environment sets NASPLATFORM_HUGE_PAGES=0 (then their
    /// interior is marked MADV_NOHUGEPAGE). The benchmark flips it to time both kinds of state side by side in one
    /// process; a state keeps the pages it was allocated with.
    /// </summary>
    public static bool HugePages { get; set; } = Environment.GetEnvironmentVariable("NASPLATFORM_HUGE_PAGES") != "0";

    /// <summary>
    /// A zeroed array of <paramref name="length"/> amplitudes (re or im part), kept at a distance from
    /// <paramref name="apartFrom"/> (the state's other part) that the memory system does not punish (StatePlacement).
    /// </summary>
    public static T[] Allocate<T>(int length, Array? apartFrom = null)
        where T : unmanaged
    {
        var bytes = (long)length * Unsafe.SizeOf<T>();
        if (bytes < MinBytes || !OperatingSystem.IsLinux())
        {
            return new T[length];
        }

        // Pinned: the advice belongs to addresses, so the array must never move away from them (and its distance to the
        // state's other part, which StatePlacement keeps off multiples of 256 MiB, stays what it was checked to be).
        var array = StatePlacement.AllocatePinned<T>(length, apartFrom);
        var huge = HugePages;
        var (start, size) = AlignedInterior(Marshal.UnsafeAddrOfPinnedArrayElement(array, 0), bytes);
        // The GC may hand out memory an earlier state left mapped in pages of the other size: the advice sets the page
        // size for new faults, and MADV_DONTNEED drops the old pages (the array is cleared anyway), so the clear below
        // faults in fresh pages of the size asked for. With huge pages off the interior is marked MADV_NOHUGEPAGE, so
        // that a state on 4 KiB pages really is on them (the benchmark compares the two).
        var advised = size > 0 && Advise(start, size, huge ? MadvHugePage : MadvNoHugePage) && Advise(start, size, MadvDontNeed);
        Array.Clear(array);
        if (advised && huge)
        {
            Advise(start, size, MadvCollapse);
        }

        return array;
    }

    /// <summary>
    /// Bytes of <paramref name="array"/> that the kernel maps with huge pages (AnonHugePages of /proc/self/smaps for each
    /// mapping the array overlaps, at most the overlap; an upper bound where a mapping also holds other data); -1 where
    /// that file cannot be read.
    /// </summary>
    public static long HugePageBytesOf<T>(T[] array)
        where T : unmanaged
    {
        const string Smaps = "/proc/self/smaps";
        if (!File.Exists(Smaps))
        {
            return -1;
        }

        var handle = GCHandle.Alloc(array, GCHandleType.Pinned);
        try
        {
            var begin = (ulong)handle.AddrOfPinnedObject();
            var end = begin + ((ulong)array.Length * (ulong)Unsafe.SizeOf<T>());
            long total = 0;
            ulong overlap = 0;
            foreach (var line in File.ReadLines(Smaps))
            {
                var dash = line.IndexOf('-', StringComparison.Ordinal);
                var space = line.IndexOf(' ', StringComparison.Ordinal);
                if (dash > 0 && space > dash && ulong.TryParse(line.AsSpan(0, dash), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var from)
                    && ulong.TryParse(line.AsSpan(dash + 1, space - dash - 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var to))
                {
                    overlap = from < end && to > begin ? Math.Min(to, end) - Math.Max(from, begin) : 0;
                }
                else if (overlap > 0 && line.StartsWith("AnonHugePages:", StringComparison.Ordinal))
                {
                    var kilobytes = line.AsSpan(14).Trim();
                    kilobytes = kilobytes.EndsWith("kB", StringComparison.Ordinal) ? kilobytes[..^2].Trim() : kilobytes;
                    // A mapping's huge pages may lie outside the array (a neighbour's): count at most the overlap.
                    total += Math.Min(long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024, (long)overlap);
                }
            }

            return total;
        }
        finally
        {
            handle.Free();
        }
    }

    /// <summary>The 2 MiB-aligned part of [address, address + bytes).</summary>
    internal static (nint Start, nuint Size) AlignedInterior(nint address, long bytes)
    {
        var start = (address + (nint)(HugePageBytes - 1)) & ~(nint)(HugePageBytes - 1);
        var end = (address + (nint)bytes) & ~(nint)(HugePageBytes - 1);
        return end > start ? (start, (nuint)(end - start)) : (start, (nuint)0);
    }

    private static bool Advise(nint start, nuint size, int advice)
    {
        try
        {
            return madvise(start, size, advice) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    // DllImport rather than LibraryImport: three blittable values need no marshalling code, and no unsafe blocks.
    [DllImport("libc", EntryPoint = "madvise")]
    private static extern int madvise(nint address, nuint length, int advice);
}
