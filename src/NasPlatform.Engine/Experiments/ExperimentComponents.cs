using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Search;
using NasPlatform.Abstractions.Spaces;

namespace NasPlatform.Engine.Experiments;

/// <summary>The live parts an experiment runs with, resolved from plugins and the strategy catalog.</summary>
public sealed record ExperimentComponents(ISearchSpace Space, IEvaluator Evaluator, ISearchStrategyFactory StrategyFactory);
