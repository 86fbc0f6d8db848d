using NasPlatform.Abstractions.Search;
using NasPlatform.Search.Predictors;

namespace NasPlatform.Search.Strategies;

/// <summary>The strategies of this project, listed explicitly (a new strategy is added here and nowhere else).</summary>
public static class SearchStrategies
{
    /// <summary>Every strategy of this project; the predictor-based ones create their predictors from <paramref name="predictors"/>.</summary>
    public static IReadOnlyList<ISearchStrategyFactory> Create(PredictorCatalog predictors)
    {
        ArgumentNullException.ThrowIfNull(predictors);
        return
        [
            new HierarchicalProxyFactory(),
            new NeuralPredictorSearchFactory(predictors),
            new Nsga2Factory(),
            new PredictorGuidedSearchFactory(predictors),
            new RandomSearchFactory(),
            new RegularizedEvolutionFactory(),
        ];
    }
}
