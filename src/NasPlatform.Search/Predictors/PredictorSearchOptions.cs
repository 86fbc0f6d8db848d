namespace NasPlatform.Search.Predictors;

/// <summary>How an evolutionary search on a predictor explores: no evaluation is spent, only predictions.</summary>
public sealed record PredictorSearchOptions
{
    /// <summary>Random samples of the space that start the search, besides the seeds given.</summary>
    public int RandomSamples { get; init; } = 1000;

    /// <summary>Generations of mutation and crossover.</summary>
    public int Generations { get; init; } = 10;

    /// <summary>Best candidates (by predicted mean) that parent each generation.</summary>
    public int Parents { get; init; } = 50;

    /// <summary>Mutants of each parent per generation.</summary>
    public int MutationsPerParent { get; init; } = 4;

    /// <summary>Crossovers between two random parents per generation, as a fraction of the parents.</summary>
    public double CrossoverFraction { get; init; } = 0.5;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for settings that cannot work.</summary>
    public void Check()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(RandomSamples, nameof(RandomSamples));
        ArgumentOutOfRangeException.ThrowIfNegative(Generations, nameof(Generations));
        ArgumentOutOfRangeException.ThrowIfLessThan(Parents, 1, nameof(Parents));
        ArgumentOutOfRangeException.ThrowIfNegative(MutationsPerParent, nameof(MutationsPerParent));
        ArgumentOutOfRangeException.ThrowIfNegative(CrossoverFraction, nameof(CrossoverFraction));
    }
}
