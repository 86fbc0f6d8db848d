using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Options;
using NasPlatform.Abstractions.Search;
using NasPlatform.Abstractions.Spaces;

namespace NasPlatform.Engine.Experiments;

/// <summary>The live parts an experiment runs with, resolved from plugins and the strategy catalog.</summary>
public sealed record ExperimentComponents(ISearchSpace Space, IEvaluator Evaluator, ISearchStrategyFactory StrategyFactory, object StrategyOptions)
{
    /// <summary>Components whose strategy runs with its default options.</summary>
    public ExperimentComponents(ISearchSpace space, IEvaluator evaluator, ISearchStrategyFactory strategyFactory)
        : this(space, evaluator, strategyFactory, ComponentOptions.Bind((strategyFactory ?? throw new ArgumentNullException(nameof(strategyFactory))).OptionsType, "{}"))
    {
    }

    /// <summary>Trials of another experiment the strategy learns from (its "transferFrom"); read by <c>Storage.TransferSource</c>, which the run adds. Empty by default.</summary>
    public IReadOnlyList<TrialOutcome> TransferredTrials { get; init; } = [];
}
