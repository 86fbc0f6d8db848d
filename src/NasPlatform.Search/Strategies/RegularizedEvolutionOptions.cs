using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace NasPlatform.Search.Strategies;

/// <summary>Options of "regularized-evolution".</summary>
public sealed record RegularizedEvolutionOptions
{
    /// <summary>P: the population size.</summary>
    [Description("P: the population size; the first P trials are random samples, then the oldest member leaves as each new one joins.")]
    [Range(1, int.MaxValue)]
    public int PopulationSize { get; init; } = 10;

    /// <summary>S: members drawn per tournament.</summary>
    [Description("S: members drawn (uniformly, with replacement) per tournament; the best is mutated. At most populationSize.")]
    [Range(1, int.MaxValue)]
    public int SampleSize { get; init; } = 10;
}
