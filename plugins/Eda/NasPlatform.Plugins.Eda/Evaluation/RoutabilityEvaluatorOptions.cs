using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using NasPlatform.Abstractions.Evaluation;

namespace NasPlatform.Plugins.Eda.Evaluation;

/// <summary>Options of the "routability" evaluator: where the dataset is, how it is split by design, and the fidelities (epoch scale x data fraction).</summary>
[Description("Trains on the training designs of an EDA dataset; scores validation designs (the search) and test designs (reported only).")]
public sealed record RoutabilityEvaluatorOptions
{
    /// <summary>Folder built by <c>nas eda dataset</c>, relative to the experiment file (the evaluator holds it resolved).</summary>
    [Description("Folder built by 'nas eda dataset' (relative to the experiment file).")]
    public required string Dataset { get; init; }

    /// <summary>Designs scored for the search (val_* metrics); empty: drawn with <see cref="SplitSeed"/>.</summary>
    [Description("Designs scored for the search (val_* metrics); default: drawn with splitSeed.")]
    public IReadOnlyList<string> ValidationDesigns { get; init; } = [];

    /// <summary>Designs held out for reporting (test_* metrics); empty: drawn with <see cref="SplitSeed"/>.</summary>
    [Description("Designs held out for reporting (test_* metrics); default: drawn with splitSeed.")]
    public IReadOnlyList<string> TestDesigns { get; init; } = [];

    /// <summary>Designs drawn for each of validation and test when not named.</summary>
    [Description("Designs drawn for each of validation and test when not named.")]
    [Range(1, int.MaxValue)]
    public int HeldOutDesigns { get; init; } = 3;

    /// <summary>Seed of the design split, fixed across trials.</summary>
    [Description("Seed of the design split (fixed across trials).")]
    public int SplitSeed { get; init; }

    /// <summary>
    /// Train on each placement's maps mirrored at random (left-right, top-bottom, both or neither, drawn from the trial's
    /// seed): a mirrored placement routes alike, since the layers' preferred directions stay horizontal and vertical.
    /// Labels stay, hotspot maps are mirrored with the features. Validation and test maps are never mirrored.
    /// </summary>
    [Description("Train on each placement's maps mirrored at random (left-right, top-bottom; from the trial's seed); validation and test maps as they are.")]
    public bool Flips { get; init; }

    /// <summary>Training budgets, cheapest first.</summary>
    [Description("Training budgets, cheapest first; cost = epochScale x dataFraction.")]
    [MinLength(1)]
    public IReadOnlyList<RoutabilityFidelityOptions> Fidelities { get; init; } =
        [RoutabilityFidelityOptions.Of("quarter", 0.25, 0.5), RoutabilityFidelityOptions.Of("half", 0.5, 1), RoutabilityFidelityOptions.Of("full", 1, 1)];

    /// <summary>The fidelities as the host sees them.</summary>
    public IReadOnlyList<Fidelity> BudgetFidelities() => [.. Fidelities.Select(f => f.ToFidelity())];
}
