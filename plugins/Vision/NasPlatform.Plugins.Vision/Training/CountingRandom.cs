namespace NasPlatform.Plugins.Vision.Training;

/// <summary>
/// A seeded <see cref="Random"/> that counts its draws, so a resumed training can bring a fresh one to the same
/// point by drawing as many times again (.NET's seeded generator has no state to save). Every method the
/// trainer uses (<see cref="Random.NextDouble"/>, <see cref="Random.Next(int, int)"/>, <see cref="Random.Shuffle{T}(T[])"/>)
/// goes through <see cref="Sample"/> once per number in a derived class, and the numbers are those of
/// <c>new Random(seed)</c>.
/// </summary>
internal sealed class CountingRandom(int seed) : Random(seed)
{
    public long Draws { get; private set; }

    protected override double Sample()
    {
        Draws++;
        return base.Sample();
    }

    /// <summary>Draws until <see cref="Draws"/> is <paramref name="draws"/>.</summary>
    public void Skip(long draws)
    {
        if (draws < Draws)
        {
            throw new ArgumentOutOfRangeException(nameof(draws), $"{Draws} numbers were already drawn; cannot go back to {draws}.");
        }

        while (Draws < draws)
        {
            Sample();
        }
    }
}
