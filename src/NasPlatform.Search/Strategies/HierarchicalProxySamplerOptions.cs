using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace NasPlatform.Search.Strategies;

/// <summary>The sampler of "hierarchical-proxy": where new candidates come from.</summary>
public sealed record HierarchicalProxySamplerOptions
{
    /// <summary>"random" or "regularized-evolution".</summary>
    [AllowedValues(RandomSearchFactory.StrategyName, RegularizedEvolutionFactory.StrategyName)]
    public string Name { get; init; } = RandomSearchFactory.StrategyName;

    /// <summary>regularized-evolution's P; null means its default.</summary>
    [Description("regularized-evolution's P.")]
    [Range(1, int.MaxValue)]
    public int? PopulationSize { get; init; }

    /// <summary>regularized-evolution's S; null means its default, at most P.</summary>
    [Description("regularized-evolution's S.")]
    [Range(1, int.MaxValue)]
    public int? SampleSize { get; init; }
}
