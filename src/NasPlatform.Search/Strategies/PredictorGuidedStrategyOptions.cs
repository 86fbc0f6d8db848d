using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using NasPlatform.Search.Predictors;

namespace NasPlatform.Search.Strategies;

/// <summary>Options of "predictor-guided" (the search's own, then the predictor's from <see cref="PredictorOptions"/>).</summary>
public sealed record PredictorGuidedStrategyOptions : PredictorOptions
{
    private static readonly PredictorGuidedOptions Defaults = new();

    /// <summary>Candidates of the initial design.</summary>
    [Description("Candidates of the space-filling initial design, evaluated before the first fit.")]
    [Range(2, int.MaxValue)]
    public int InitialSamples { get; init; } = Defaults.InitialSamples;

    /// <summary>Candidates proposed per round.</summary>
    [Description("Candidates proposed per round; the predictor is refitted once per round.")]
    [Range(1, int.MaxValue)]
    public int BatchSize { get; init; } = Defaults.BatchSize;

    /// <summary>Share of each batch picked by upper confidence bound.</summary>
    [Description("Share of each batch picked by upper confidence bound (mean + explorationWeight × spread) instead of predicted mean.")]
    [Range(0.0, 1.0)]
    public double ExplorationFraction { get; init; } = Defaults.ExplorationFraction;

    /// <summary>Share of each batch picked among mutants of the best measured candidates.</summary>
    [Description("Share of each batch picked by predicted mean among mutants of the best measured candidates (local exploitation, as in BANANAS's mutation acquisition).")]
    [Range(0.0, 1.0)]
    public double LocalFraction { get; init; } = Defaults.LocalFraction;

    /// <summary>Best measured candidates whose mutants the local picks come from.</summary>
    [Description("Best measured candidates whose mutants the local picks come from.")]
    [Range(1, int.MaxValue)]
    public int LocalParents { get; init; } = Defaults.LocalParents;

    /// <summary>Mutants drawn per local parent.</summary>
    [Description("Mutants drawn per local parent.")]
    [Range(1, int.MaxValue)]
    public int LocalMutations { get; init; } = Defaults.LocalMutations;

    /// <summary>κ in mean + κ × spread.</summary>
    [Description("κ in mean + κ × spread for the exploration picks.")]
    [Range(0.0, double.PositiveInfinity)]
    public double ExplorationWeight { get; init; } = Defaults.ExplorationWeight;

    /// <summary>"space-filling" or "random".</summary>
    [Description("space-filling: farthest-point picks in the encoding from a random pool; random: plain samples.")]
    [AllowedValues(SpaceFilling, "random")]
    public string InitialDesign { get; init; } = Defaults.SpaceFillingDesign ? SpaceFilling : "random";

    /// <summary>Experiment file of a similar problem on the same search space whose trials the predictor also learns from; null for none.</summary>
    [Description("Path (relative to this experiment file) of another experiment on the same search space, run before, whose completed trials the predictor also learns from (each problem's objective standardised on its own). They replace the initial design, are not stored as trials of this experiment and cost no evaluation.")]
    public string? TransferFrom { get; init; }

    /// <summary>The space-filling initial design's name.</summary>
    public const string SpaceFilling = "space-filling";
}
