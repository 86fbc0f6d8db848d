using NasPlatform.Abstractions.Search;
using NasPlatform.Search.Predictors;
using NasPlatform.Search.Strategies;

namespace NasPlatform.Search.Torch;

/// <summary>
/// Everything the search projects offer a host: the predictors of NasPlatform.Search plus the MLP
/// ensemble, and the strategies built on them. Front ends (CLI, reporting, tests) compose from here;
/// the engine only ever sees the strategy factories it is given.
/// </summary>
public static class SearchComponents
{
    /// <summary>The Gaussian process and the MLP ensemble.</summary>
    public static PredictorCatalog Predictors { get; } = PredictorCatalog.Builtin.With(MlpEnsemble.Kind);

    /// <summary>Every built-in strategy, with <see cref="Predictors"/>.</summary>
    public static IReadOnlyList<ISearchStrategyFactory> Strategies { get; } = SearchStrategies.Create(Predictors);
}
