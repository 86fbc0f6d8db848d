using NasPlatform.Abstractions;
using NasPlatform.Abstractions.Search;

namespace NasPlatform.Search.Strategies;

/// <summary>
/// The EcoNAS hierarchical proxy as successive halving over the evaluator's fidelities (see
/// <see cref="HierarchicalProxy"/>). By default the ladder runs from the evaluator's cheapest
/// fidelity up to the experiment's fidelity (its highest unless the file says "fidelity"),
/// eta = 3, and a bracket starts with eta^(rungs − 1) candidates, so one of them reaches the top.
/// </summary>
public sealed class HierarchicalProxyFactory : SearchStrategyFactory<HierarchicalProxyOptions>
{
    public const string StrategyName = "hierarchical-proxy";

    public static readonly double DefaultEta = new HierarchicalProxyOptions().Eta;

    public override string Name => StrategyName;

    public override string Description => "EcoNAS hierarchical proxy: successive halving from the cheapest fidelity up; the best 1/eta of each rung go on to the next.";

    public override ISearchStrategy Create(HierarchicalProxyOptions options, StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        var eta = options.Eta;
        var rungs = Ladder(options, context);
        var rungSize = options.RungSize ?? (int)Math.Ceiling(Math.Pow(eta, rungs.Count - 1) - 1e-9);
        return new HierarchicalProxy(rungs, eta, rungSize, Sampler(options.Sampler, context), context.Objectives);
    }

    private static List<string> Ladder(HierarchicalProxyOptions options, StrategyContext context)
    {
        var offered = context.Fidelities.Select(f => f.Name).ToList();
        var known = string.Join(", ", offered.Select(n => $"'{n}'"));
        if (options.Fidelities is { } names)
        {
            var ladder = names.ToList();
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
        var minName = options.MinFidelity;
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

    private static ISearchStrategy Sampler(HierarchicalProxySamplerOptions sampler, StrategyContext context)
    {
        if (sampler.Name == RandomSearchFactory.StrategyName)
        {
            return new RandomSearch(context.Space);
        }

        var populationSize = sampler.PopulationSize ?? RegularizedEvolutionFactory.DefaultPopulationSize;
        var sampleSize = sampler.SampleSize ?? Math.Min(RegularizedEvolutionFactory.DefaultSampleSize, populationSize);
        if (sampleSize > populationSize)
        {
            throw new NasConfigurationException(
                $"Strategy '{StrategyName}': strategy.options.sampler.sampleSize ({sampleSize}) must be at most its populationSize ({populationSize}).");
        }

        return new RegularizedEvolution(context.Space, context.Objectives, populationSize, sampleSize);
    }
}
