using NasPlatform.Abstractions;
using NasPlatform.Abstractions.Search;

namespace NasPlatform.Search.Strategies;

/// <summary>
/// Regularized (aging) evolution (Real et al. 2019). The defaults P = 10, S = 10 suit budgets of
/// about 100 trials: a population that fills in a tenth of the budget leaves 90 trials to evolve,
/// and on NAS-Bench-201 at 100 queries a strong tournament did best among P in {5..50} and
/// S in {2..25} (docs/benchmarks.md has the grid). For budgets in the thousands, a larger P
/// keeps more diversity.
/// </summary>
public sealed class RegularizedEvolutionFactory : SearchStrategyFactory<RegularizedEvolutionOptions>
{
    public const string StrategyName = "regularized-evolution";

    /// <summary>P when nothing sets it.</summary>
    public static readonly int DefaultPopulationSize = new RegularizedEvolutionOptions().PopulationSize;

    /// <summary>S when nothing sets it.</summary>
    public static readonly int DefaultSampleSize = new RegularizedEvolutionOptions().SampleSize;

    public override string Name => StrategyName;

    public override string Description => "Regularized (aging) evolution: mutate the best of a random sample of the population; the oldest member dies.";

    public override ISearchStrategy Create(RegularizedEvolutionOptions options, StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        var (populationSize, sampleSize) = (options.PopulationSize, options.SampleSize);
        if (populationSize < 1 || sampleSize < 1 || sampleSize > populationSize)
        {
            throw new NasConfigurationException(
                $"Strategy '{StrategyName}': sampleSize ({sampleSize}) must be between 1 and populationSize ({populationSize}); " +
                $"set strategy.options.sampleSize to at most {Math.Max(populationSize, 1)}.");
        }

        if (options.TransferFrom is { } transferFrom && context.TransferredTrials.Count == 0)
        {
            // The host reads the other experiment's store (nas run, nas validate, nas bench strategies); a host that did not must not silently start from random samples.
            throw new NasConfigurationException(
                $"Strategy '{StrategyName}': \"transferFrom\" names '{transferFrom}', but no trials of it were handed over; this command does not read another experiment's trials. Use nas run or nas bench strategies, or remove \"transferFrom\".");
        }

        if (options.WarmStart && context.Space is not IWarmStartSpace)
        {
            throw new NasConfigurationException(
                $"Strategy '{StrategyName}': \"warmStart\" needs a search space whose candidates carry where training starts (the quantum plugin's \"excitation\" space); "
                + $"this space ({context.Space.GetType().Name}) does not. Remove \"warmStart\" from strategy.options.");
        }

        return new RegularizedEvolution(context.Space, context.Objectives, populationSize, sampleSize, context.TransferredTrials) { WarmStart = options.WarmStart };
    }
}
