
using NasPlatform.Search.Predictors;
namespace NasPlatform.Search.Strategies;

/// <summary>Settings of <see cref="PredictorGuidedSearch"/>; see <see cref="PredictorGuidedSearchFactory"/> for the defaults and why.</summary>
public sealed record PredictorGuidedOptions
{
    /// <summary>Candidates of the initial design, proposed before the first fit.</summary>
    public int InitialSamples { get; init; } = 20;

    /// <summary>Candidates proposed per round (per refit).</summary>
    public int BatchSize { get; init; } = 10;

    /// <summary>Share of each batch picked by upper confidence bound instead of predicted mean.</summary>
    public double ExplorationFraction { get; init; } = 0.2;

    /// <summary>Share of each batch picked, by predicted mean, among mutants of the best measured candidates (local exploitation).</summary>
    public double LocalFraction { get; init; } = 0.5;

    /// <summary>Best measured candidates whose mutants the local picks come from.</summary>
    public int LocalParents { get; init; } = 3;

    /// <summary>Mutants drawn per local parent.</summary>
    public int LocalMutations { get; init; } = 30;

    /// <summary>κ in mean + κ × spread for the exploration picks.</summary>
    public double ExplorationWeight { get; init; } = 2.0;

    /// <summary>True for a space-filling initial design, false for plain random samples.</summary>
    public bool SpaceFillingDesign { get; init; } = true;

    /// <summary>The predictor and the search on it.</summary>
    public PredictorSettings Predictor { get; init; } = new();
}
