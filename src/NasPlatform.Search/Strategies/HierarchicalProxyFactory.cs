using NasPlatform.Abstractions;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Search;

namespace NasPlatform.Search.Strategies;

/// <summary>
/// The EcoNAS hierarchical proxy as successive halving over the evaluator's fidelities (see
/// <see cref="HierarchicalProxy"/>). By default the ladder runs from the evaluator's cheapest
/// fidelity up to the experiment's fidelity (its highest unless the file says "fidelity"),
/// eta = 3, and a bracket starts with eta^(rungs − 1) candidates, so one of them reaches the top.
/// </summary>
public sealed class HierarchicalProxyFactory : ISearchStrategyFactory
{
    public const string StrategyName = "hierarchical-proxy";

    public const double DefaultEta = 3;

    public string Name => StrategyName;

    public string Description => "EcoNAS hierarchical proxy: successive halving from the cheapest fidelity up; the best 1/eta of each rung go on to the next.";

    public string OptionsSchema => """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "title": "hierarchical-proxy strategy options",
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "eta": {
              "description": "Each rung keeps its best 1/eta (at least one) for the next fidelity.",
              "type": "number",
              "minimum": 2,
              "default": 3
            },
            "fidelities": {
              "description": "The ladder: fidelity names of the evaluator, cheapest first. Default: from minFidelity up to the experiment's fidelity.",
              "type": "array",
              "minItems": 1,
              "uniqueItems": true,
              "items": { "type": "string", "minLength": 1 }
            },
            "minFidelity": {
              "description": "The lowest rung when \"fidelities\" is not given; default: the evaluator's cheapest fidelity.",
              "type": "string",
              "minLength": 1
            },
            "rungSize": {
              "description": "Candidates per bracket at the lowest rung; default eta^(rungs - 1), rounded up.",
              "type": "integer",
              "minimum": 1
            },
            "sampler": {
              "description": "Where new candidates come from; it learns from lowest-rung results only.",
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "name": { "enum": ["random", "regularized-evolution"], "default": "random" },
                "populationSize": { "description": "regularized-evolution's P.", "type": "integer", "minimum": 1 },
                "sampleSize": { "description": "regularized-evolution's S.", "type": "integer", "minimum": 1 }
              }
            }
          }
        }
        """;

    public ISearchStrategy Create(StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.Options;
        var eta = options.Value<double?>("eta") ?? DefaultEta;
        var rungs = Ladder(context);
        var rungSize = options.Value<int?>("rungSize") ?? (int)Math.Ceiling(Math.Pow(eta, rungs.Count - 1) - 1e-9);
        return new HierarchicalProxy(rungs, eta, rungSize, Sampler(context), context.Objectives);
    }

    private static List<string> Ladder(StrategyContext context)
    {
        var offered = context.Fidelities.Select(f => f.Name).ToList();
        var known = string.Join(", ", offered.Select(n => $"'{n}'"));
        if (context.Options["fidelities"] is JArray names)
        {
            var ladder = names.Select(n => (string)n!).ToList();
            foreach (var name in ladder.Where(n => !offered.Contains(n)))
            {
                throw new NasConfigurationException(
                    $"Strategy '{StrategyName}': strategy.options.fidelities names '{name}', which is not a fidelity of the evaluator; it offers {known}.");
            }

            var positions = ladder.Select(n => offered.IndexOf(n)).ToList();
            if (positions.Zip(positions.Skip(1)).Any(p => p.Second < p.First))
            {
                throw new NasConfigurationException(
                    $"Strategy '{StrategyName}': strategy.options.fidelities must go from cheap to expensive, in the evaluator's order ({known}).");
            }

            return ladder;
        }

        var top = offered.IndexOf(context.DefaultFidelity.Name);
        var minName = context.Options.Value<string?>("minFidelity");
        var bottom = minName is null ? 0 : offered.IndexOf(minName);
        if (bottom < 0)
        {
            throw new NasConfigurationException(
                $"Strategy '{StrategyName}': strategy.options.minFidelity '{minName}' is not a fidelity of the evaluator; it offers {known}.");
        }

        if (bottom > top)
        {
            throw new NasConfigurationException(
                $"Strategy '{StrategyName}': strategy.options.minFidelity '{minName}' lies above the experiment's fidelity '{context.DefaultFidelity.Name}'; choose a cheaper one, or raise the experiment's \"fidelity\".");
        }

        return offered.GetRange(bottom, top - bottom + 1);
    }

    private static ISearchStrategy Sampler(StrategyContext context)
    {
        var sampler = context.Options["sampler"] as JObject ?? new JObject();
        var name = sampler.Value<string?>("name") ?? RandomSearchFactory.StrategyName;
        if (name == RandomSearchFactory.StrategyName)
        {
            return new RandomSearch(context.Space);
        }

        var populationSize = sampler.Value<int?>("populationSize") ?? RegularizedEvolutionFactory.DefaultPopulationSize;
        var sampleSize = sampler.Value<int?>("sampleSize") ?? Math.Min(RegularizedEvolutionFactory.DefaultSampleSize, populationSize);
        if (sampleSize > populationSize)
        {
            throw new NasConfigurationException(
                $"Strategy '{StrategyName}': strategy.options.sampler.sampleSize ({sampleSize}) must be at most its populationSize ({populationSize}).");
        }

        return new RegularizedEvolution(context.Space, context.Objectives, populationSize, sampleSize);
    }
}
