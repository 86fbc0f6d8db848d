using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Quantum.Simulator.Tests;

/// <summary>Large amplitude arrays are kept off the distances two streams are punished at (StatePlacement.cs).</summary>
public class StatePlacementTests
{
    private const long MiB = 1L << 20;

    [Theory]
    [InlineData(256 * MiB + 24, true)]        // a complex64 state's re and im, as the GC laid them out after a complex128 one
    [InlineData(512 * MiB, true)]
    [InlineData((256 + 32) * MiB + 56, true)] // a pass with 32 MiB partners meets 256 MiB between the arrays' streams
    [InlineData(256 * MiB - (64 * MiB), true)]
    [InlineData(292 * MiB, false)]            // the same state allocated in a fresh process
    [InlineData(548 * MiB, false)]
    [InlineData(100 * MiB, false)]
    public void Distances_near_a_multiple_of_256_MiB_or_one_partner_off_conflict(long distance, bool conflicts)
    {
        var start = (nint)(1 << 30);
        Assert.Equal(conflicts, StatePlacement.Conflicts(start, start + (nint)distance));
        Assert.Equal(conflicts, StatePlacement.Conflicts(start + (nint)distance, start));
    }

    [Fact]
    public void Each_large_state_keeps_its_re_and_im_apart()
    {
        // A shrunk period, so that 16 MiB arrays meet conflicts and the retry really runs here. The GC puts large arrays
        // on 4 MiB region boundaries, so the period must leave multiples of 4 MiB outside every window (12, 20, 24 MiB…).
        var (period, margin) = (StatePlacement.Period, StatePlacement.Margin);
        StatePlacement.Period = 128 * MiB;
        StatePlacement.Margin = 1 * MiB;
        try
        {
            var states = Enumerable.Range(0, 3).Select(_ => new StateVector(21)).ToArray();
            foreach (var (re, im) in states.Select(s => (StatePlacement.Address(s.Re), StatePlacement.Address(s.Im))))
            {
                Assert.False(StatePlacement.Conflicts(re, im), $"re at 0x{re:x}, im at 0x{im:x}");
            }

            Assert.All(states, s => Assert.Equal(1.0, s.NormSquared()));
        }
        finally
        {
            (StatePlacement.Period, StatePlacement.Margin) = (period, margin);
        }
    }
}
