using NasPlatform.Abstractions.Options;
using NasPlatform.Abstractions.Search;

namespace NasPlatform.Search.Strategies;

/// <summary>"random": <see cref="RandomSearch"/>; it has no options.</summary>
public sealed class RandomSearchFactory : SearchStrategyFactory<NoOptions>
{
    /// <summary>Name used in experiment files.</summary>
    public const string StrategyName = "random";

    /// <inheritdoc />
    public override string Name => StrategyName;

    /// <inheritdoc />
    public override string Description => "Random search: samples the space uniformly (or from its prior) for every trial.";

    /// <inheritdoc />
    public override ISearchStrategy Create(NoOptions options, StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new RandomSearch(context.Space);
    }
}
