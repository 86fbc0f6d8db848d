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
public sealed class RegularizedEvolutionFactory : ISearchStrategyFactory
{
    public const string StrategyName = "regularized-evolution";

    public const int DefaultPopulationSize = 10;

    public const int DefaultSampleSize = 10;

    public string Name => StrategyName;

    public string Description => "Regularized (aging) evolution: mutate the best of a random sample of the population; the oldest member dies.";

    public string OptionsSchema => """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "title": "regularized-evolution strategy options",
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "populationSize": {
              "description": "P: the population size; the first P trials are random samples, then the oldest member leaves as each new one joins.",
              "type": "integer",
              "minimum": 1,
              "default": 10
            },
            "sampleSize": {
              "description": "S: members drawn (uniformly, with replacement) per tournament; the best is mutated. At most populationSize.",
              "type": "integer",
              "minimum": 1,
              "default": 10
            }
          }
        }
        """;

    public ISearchStrategy Create(StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var populationSize = context.Options.Value<int?>("populationSize") ?? DefaultPopulationSize;
        var sampleSize = context.Options.Value<int?>("sampleSize") ?? DefaultSampleSize;
        if (populationSize < 1 || sampleSize < 1 || sampleSize > populationSize)
        {
            throw new NasConfigurationException(
                $"Strategy '{StrategyName}': sampleSize ({sampleSize}) must be between 1 and populationSize ({populationSize}); " +
                $"set strategy.options.sampleSize to at most {Math.Max(populationSize, 1)}.");
        }

        return new RegularizedEvolution(context.Space, context.Objectives, populationSize, sampleSize);
    }
}
