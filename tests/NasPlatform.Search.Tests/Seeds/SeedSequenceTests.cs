using NasPlatform.Search;
using NasPlatform.Engine.Running;

namespace NasPlatform.Search.Tests.Seeds;

public sealed class SeedSequenceTests
{
    [Fact]
    public void Matches_the_published_SplitMix64_output()
    {
        // SplitMix64 seeded with 0 first outputs 0xE220A8397B1DCDAF; Derive keeps its top 31 bits.
        Assert.Equal((int)(0xE220A8397B1DCDAFUL >> 33), SeedSequence.Derive(0, 0));
    }

    [Fact]
    public void Gives_distinct_non_negative_seeds_for_neighbouring_seeds_and_streams()
    {
        var seeds = new HashSet<int>();
        foreach (var seed in new[] { int.MinValue, -1, 0, 1, 2, int.MaxValue })
        {
            for (var stream = -2; stream < 500; stream++)
            {
                var derived = SeedSequence.Derive(seed, stream);
                Assert.True(derived >= 0);
                seeds.Add(derived);
            }
        }

        Assert.Equal(6 * 502, seeds.Count);
        Assert.Equal(SeedSequence.Derive(7, 3), SeedSequence.Derive(7, 3));
    }
}
