using NasPlatform.Plugins.Vision.Training;

namespace NasPlatform.Plugins.Vision.Tests.Training;

public sealed class CountingRandomTests
{
    [Fact]
    public void Draws_the_numbers_of_a_plain_seeded_random_and_skips_to_the_same_point()
    {
        var plain = new Random(42);
        var counting = new CountingRandom(42);
        int[] a = [.. Enumerable.Range(0, 50)], b = [.. Enumerable.Range(0, 50)];
        plain.Shuffle(a);
        counting.Shuffle(b);
        Assert.Equal(a, b);
        Assert.Equal(plain.NextDouble(), counting.NextDouble());
        Assert.Equal(plain.Next(-3, 4), counting.Next(-3, 4));
        Assert.Equal(plain.Next(17), counting.Next(17));

        var skipped = new CountingRandom(42);
        skipped.Skip(counting.Draws);
        Assert.Equal(counting.Draws, skipped.Draws);
        Assert.Equal(counting.NextDouble(), skipped.NextDouble());
        Assert.Throws<ArgumentOutOfRangeException>(() => skipped.Skip(1));
    }
}
