using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using NasPlatform.Abstractions.Evaluation;

namespace NasPlatform.Plugins.Eda.Evaluation;

/// <summary>One training budget of the routability evaluator: a share of the recipe's epochs on a share of the training placements.</summary>
public sealed record RoutabilityFidelityOptions
{
    /// <summary>The fidelity's name (the experiment's "fidelity" refers to it).</summary>
    [Description("The fidelity's name (the experiment's 'fidelity' refers to it).")]
    public required string Name { get; init; }

    /// <summary>Share of the recipe's epochs trained, in (0, 1].</summary>
    [Description("Share of the recipe's epochs trained.")]
    [Range(0.0, 1.0, MinimumIsExclusive = true)]
    public required double EpochScale { get; init; }

    /// <summary>Share of the training placements used, in (0, 1].</summary>
    [Description("Share of the training placements used.")]
    [Range(0.0, 1.0, MinimumIsExclusive = true)]
    public required double DataFraction { get; init; }

    /// <summary>A budget named <paramref name="name"/>.</summary>
    public static RoutabilityFidelityOptions Of(string name, double epochScale, double dataFraction) =>
        new() { Name = name, EpochScale = epochScale, DataFraction = dataFraction };

    /// <summary>The fidelity as the host sees it: cost = epochScale x dataFraction; both shares are its settings.</summary>
    public Fidelity ToFidelity() =>
        new(Name, EpochScale * DataFraction, new Dictionary<string, double> { ["epochScale"] = EpochScale, ["dataFraction"] = DataFraction });
}
