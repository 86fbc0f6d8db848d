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

    /// <summary>Experiment file on the same search space whose trials seed the population; null for none.</summary>
    [Description("Path (relative to this experiment file) of another experiment on the same search space, run before (an ADAPT-VQE run, say), whose completed trials that meet this experiment's constraints seed the population: evolution starts from them at once instead of from random samples. They are not stored as trials of this experiment and cost no evaluation.")]
    public string? TransferFrom { get; init; }

    /// <summary>Whether a child starts training from its parent's trained values (spaces that support it).</summary>
    [Description("Start each child's training from its parent's trained values for the parts they share (new parts at their neutral value), as ADAPT-VQE warm-starts each circuit; a child of a transferFrom seed starts from the seed's. Only for search spaces that carry initial values in their candidates (the quantum plugin's excitation space); others are refused.")]
    public bool WarmStart { get; init; }
}
