using NasPlatform.Abstractions.Search;

namespace NasPlatform.Search.Strategies;

/// <summary>NSGA-II for several objectives, such as accuracy against params (see <see cref="Nsga2"/>).</summary>
public sealed class Nsga2Factory : SearchStrategyFactory<Nsga2Options>
{
    public const string StrategyName = "nsga2";

    public static readonly int DefaultPopulationSize = new Nsga2Options().PopulationSize;

    public static readonly double DefaultCrossoverProbability = new Nsga2Options().CrossoverProbability;

    public static readonly double DefaultMutationProbability = new Nsga2Options().MutationProbability;

    public override string Name => StrategyName;

    public override string Description => "NSGA-II: multi-objective evolution by non-dominated sorting and crowding distance (Pareto front).";

    public override ISearchStrategy Create(Nsga2Options options, StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        return new Nsga2(
            context.Space,
            context.Objectives,
            options.PopulationSize,
            options.CrossoverProbability,
            options.MutationProbability);
    }
}
