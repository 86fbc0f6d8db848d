using NasPlatform.Abstractions;
using NasPlatform.Search.Predictors;
using NasPlatform.Abstractions.Search;

namespace NasPlatform.Search.Strategies;

/// <summary>
/// "predictor-guided": NARS stage 1 (<see cref="PredictorGuidedSearch"/>). The defaults were tuned
/// on NAS-Bench-201 with seeds other than the benchmark's (docs/benchmarks.md).
/// </summary>
public sealed class PredictorGuidedSearchFactory(PredictorCatalog predictors) : SearchStrategyFactory<PredictorGuidedStrategyOptions>
{
    public const string StrategyName = "predictor-guided";

    public override string Name => StrategyName;

    public override string Description => "Predictor-guided search (NARS stage 1): fit an accuracy predictor, evolve on it under the constraints, evaluate the best predicted plus an uncertain share; repeat.";

    public override ISearchStrategy Create(PredictorGuidedStrategyOptions options, StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        if (options.TransferFrom is { } transferFrom && context.TransferredTrials.Count == 0)
        {
            // The host reads the other experiment's store (nas run, nas validate, nas bench strategies); a host that did not must not silently search without it.
            throw new NasConfigurationException(
                $"Strategy '{StrategyName}': \"transferFrom\" names '{transferFrom}', but no trials of it were handed over; this command does not read another experiment's trials. Use nas run or nas bench strategies, or remove \"transferFrom\".");
        }

        return new PredictorGuidedSearch(context, new PredictorGuidedOptions
        {
            InitialSamples = options.InitialSamples,
            BatchSize = options.BatchSize,
            ExplorationFraction = options.ExplorationFraction,
            ExplorationWeight = options.ExplorationWeight,
            LocalFraction = options.LocalFraction,
            LocalParents = options.LocalParents,
            LocalMutations = options.LocalMutations,
            SpaceFillingDesign = options.InitialDesign == PredictorGuidedStrategyOptions.SpaceFilling,
            Predictor = PredictorSettings.From(options),
        }, predictors);
    }
}
