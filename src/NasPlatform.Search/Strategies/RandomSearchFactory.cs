using NasPlatform.Abstractions.Search;

namespace NasPlatform.Search.Strategies;

/// <summary>Random search: every proposal is <c>space.Sample(rng)</c>. The baseline every strategy must beat.</summary>
public sealed class RandomSearchFactory : ISearchStrategyFactory
{
    public const string StrategyName = "random";

    public string Name => StrategyName;

    public string Description => "Random search: samples the space uniformly (or from its prior) for every trial.";

    public string OptionsSchema => """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "title": "random strategy options",
          "description": "Random search has no options.",
          "type": "object",
          "additionalProperties": false,
          "properties": {}
        }
        """;

    public ISearchStrategy Create(StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new RandomSearch(context.Space);
    }
}
