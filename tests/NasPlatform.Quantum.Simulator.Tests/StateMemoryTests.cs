using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Quantum.Simulator.Tests;

/// <summary>Large states on transparent huge pages: zeroed like any new state, and (where Linux offers THP) really on huge pages.</summary>
public class StateMemoryTests
{
    private const int LargeQubits = 21; // 16 MiB per double array, 8 MiB per float array: both above StateMemory.MinBytes

    [Fact]
    public void The_aligned_interior_is_the_whole_2_MiB_pages_inside_the_array()
    {
        Assert.Equal(((nint)(2 << 20), (nuint)(4 << 20)), StateMemory.AlignedInterior(0x1000, 6 << 20));
        Assert.Equal(((nint)(2 << 20), (nuint)(2 << 20)), StateMemory.AlignedInterior(2 << 20, 2 << 20));
        Assert.Equal((nuint)0, StateMemory.AlignedInterior(0x1000, 3 << 20).Size);
    }

    [Fact]
    public void A_large_state_allocated_where_an_earlier_one_was_written_starts_as_the_zero_state()
    {
        for (var round = 0; round < 3; round++)
        {
            var used = new StateVector(LargeQubits);
            Array.Fill(used.Re, 0.5);
            Array.Fill(used.Im, -0.25);
            var usedSingle = new StateVectorSingle(LargeQubits);
            Array.Fill(usedSingle.Re, 0.5f);
            GC.KeepAlive(used);
            GC.KeepAlive(usedSingle);
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var state = new StateVector(LargeQubits);
        var single = new StateVectorSingle(LargeQubits);
        Assert.Equal(1.0, state.Re[0]);
        Assert.Equal(1f, single.Re[0]);
        Assert.Equal(1.0, state.NormSquared());
        Assert.Equal(1.0, single.NormSquared());
        Assert.True(state.Re.AsSpan(1).IndexOfAnyExcept(0.0) < 0 && state.Im.AsSpan().IndexOfAnyExcept(0.0) < 0, "a new double state must be |0…0⟩");
        Assert.True(single.Re.AsSpan(1).IndexOfAnyExcept(0f) < 0 && single.Im.AsSpan().IndexOfAnyExcept(0f) < 0, "a new single state must be |0…0⟩");
    }

    [Fact]
    public void Large_states_sit_on_huge_pages_where_the_kernel_offers_them()
    {
        const string Setting = "/sys/kernel/mm/transparent_hugepage/enabled";
        if (!StateMemory.HugePages || !File.Exists(Setting) || File.ReadAllText(Setting).Contains("[never]", StringComparison.Ordinal))
        {
            return; // no THP here (or turned off by NASPLATFORM_HUGE_PAGES=0): the states are plain arrays, tested above
        }

        var state = new StateVector(LargeQubits);
        var bytes = StateMemory.HugePageBytesOf(state.Re);
        // The array's 2 MiB-aligned interior (at least 14 of its 16 MiB) is advised and collapsed.
        Assert.True(bytes >= 12L << 20, $"{bytes} of {state.Re.Length * 8} bytes on huge pages");

        // Turned off, the same size lands on 4 KiB pages even where the GC reuses the huge-page state's memory.
        state = null;
        GC.Collect();
        StateMemory.HugePages = false;
        try
        {
            var plain = new StateVector(LargeQubits);
            Assert.True(StateMemory.HugePageBytesOf(plain.Re) <= 4L << 20, "at most the unadvised head and tail may sit on huge pages");
        }
        finally
        {
            StateMemory.HugePages = true;
        }
    }
}
