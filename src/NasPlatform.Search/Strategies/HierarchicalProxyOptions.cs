using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using NasPlatform.Abstractions.Options;

namespace NasPlatform.Search.Strategies;

/// <summary>Options of "hierarchical-proxy".</summary>
public sealed record HierarchicalProxyOptions
{
    /// <summary>Each rung keeps its best 1/eta.</summary>
    [Description("Each rung keeps its best 1/eta (at least one) for the next fidelity.")]
    [Range(2.0, double.PositiveInfinity)]
    public double Eta { get; init; } = 3;

    /// <summary>The ladder of fidelity names, cheapest first; null derives it.</summary>
    [Description("The ladder: fidelity names of the evaluator, cheapest first. Default: from minFidelity up to the experiment's fidelity.")]
    [MinLength(1)]
    [UniqueItems]
    public IReadOnlyList<string>? Fidelities { get; init; }

    /// <summary>The lowest rung when <see cref="Fidelities"/> is not given; null means the cheapest.</summary>
    [Description("The lowest rung when \"fidelities\" is not given; default: the evaluator's cheapest fidelity.")]
    [MinLength(1)]
    public string? MinFidelity { get; init; }

    /// <summary>Candidates per bracket at the lowest rung; null means eta^(rungs - 1), rounded up.</summary>
    [Description("Candidates per bracket at the lowest rung; default eta^(rungs - 1), rounded up.")]
    [Range(1, int.MaxValue)]
    public int? RungSize { get; init; }

    /// <summary>Where new candidates come from.</summary>
    [Description("Where new candidates come from; it learns from lowest-rung results only.")]
    public HierarchicalProxySamplerOptions Sampler { get; init; } = new();
}
