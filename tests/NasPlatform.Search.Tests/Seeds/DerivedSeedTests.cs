using NasPlatform.Search;
using NasPlatform.Engine.Running;

namespace NasPlatform.Search.Tests.Seeds;

public sealed class DerivedSeedTests
{
    [Fact]
    public void Derived_seeds_are_pinned()
    {
        // Pinned: stores and benchmark numbers depend on this function; never change it.
        Assert.Equal([1896895516, 1216681718, 1645620493, 1919727803], new[] { SeedSequence.Derive(0, 0), SeedSequence.Derive(0, 1), SeedSequence.Derive(1, 0), SeedSequence.Derive(-1, -1) });
    }

    [Fact]
    public void Derived_seeds_are_non_negative_and_distinct()
    {
        var seeds = new HashSet<int>();
        for (var seed = -50; seed < 50; seed++)
        {
            for (var stream = 0; stream < 1000; stream++)
            {
                var derived = SeedSequence.Derive(seed, stream);
                Assert.True(derived >= 0);
                seeds.Add(derived);
            }
        }

        // 100,000 draws from 2^31 values collide about 2 times by the birthday bound.
        Assert.True(seeds.Count >= 99_990, $"{100_000 - seeds.Count} collisions");
    }

    [Fact]
    public void Neighbouring_inputs_give_unrelated_seeds()
    {
        // Consecutive streams should flip about half of the 31 bits.
        var flips = Enumerable.Range(0, 10_000)
            .Average(i => System.Numerics.BitOperations.PopCount((uint)(SeedSequence.Derive(7, i) ^ SeedSequence.Derive(7, i + 1))));

        Assert.InRange(flips, 15.0, 16.0);
    }
}
