using NasPlatform.Abstractions.Search;

namespace NasPlatform.Search.Strategies;

/// <summary>NSGA-II for several objectives, such as accuracy against params (see <see cref="Nsga2"/>).</summary>
public sealed class Nsga2Factory : ISearchStrategyFactory
{
    public const string StrategyName = "nsga2";

    public const int DefaultPopulationSize = 20;

    public const double DefaultCrossoverProbability = 0.9;

    public const double DefaultMutationProbability = 1.0;

    public string Name => StrategyName;

    public string Description => "NSGA-II: multi-objective evolution by non-dominated sorting and crowding distance (Pareto front).";

    public string OptionsSchema => """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "title": "nsga2 strategy options",
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "populationSize": {
              "description": "N: the population kept between generations, and the trials per generation; the first N trials are random samples.",
              "type": "integer",
              "minimum": 2,
              "default": 20
            },
            "crossoverProbability": {
              "description": "Chance that a child is the search space's crossover of its two tournament-selected parents; otherwise it is a mutated copy of the first.",
              "type": "number",
              "minimum": 0,
              "maximum": 1,
              "default": 0.9
            },
            "mutationProbability": {
              "description": "Chance that a crossover child is also mutated by the search space (a copied parent always is, so it is new).",
              "type": "number",
              "minimum": 0,
              "maximum": 1,
              "default": 1.0
            }
          }
        }
        """;

    public ISearchStrategy Create(StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new Nsga2(
            context.Space,
            context.Objectives,
            context.Options.Value<int?>("populationSize") ?? DefaultPopulationSize,
            context.Options.Value<double?>("crossoverProbability") ?? DefaultCrossoverProbability,
            context.Options.Value<double?>("mutationProbability") ?? DefaultMutationProbability);
    }
}
