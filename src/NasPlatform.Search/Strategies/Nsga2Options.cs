using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace NasPlatform.Search.Strategies;

/// <summary>Options of "nsga2".</summary>
public sealed record Nsga2Options
{
    /// <summary>N: the population and the trials per generation.</summary>
    [Description("N: the population kept between generations, and the trials per generation; the first N trials are random samples.")]
    [Range(2, int.MaxValue)]
    public int PopulationSize { get; init; } = 20;

    /// <summary>Chance that a child is a crossover of its parents.</summary>
    [Description("Chance that a child is the search space's crossover of its two tournament-selected parents; otherwise it is a mutated copy of the first.")]
    [Range(0.0, 1.0)]
    public double CrossoverProbability { get; init; } = 0.9;

    /// <summary>Chance that a crossover child is also mutated.</summary>
    [Description("Chance that a crossover child is also mutated by the search space (a copied parent always is, so it is new).")]
    [Range(0.0, 1.0)]
    public double MutationProbability { get; init; } = 1.0;
}
