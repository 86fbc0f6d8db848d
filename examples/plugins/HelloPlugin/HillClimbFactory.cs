using NasPlatform.Abstractions.Search;

namespace HelloPlugin;

/// <summary>
/// A plugin's own strategy, offered to every experiment as "hill-climb": the host validates its options
/// against <see cref="OptionsSchema"/> and resumes it by replaying stored outcomes, as for its own strategies.
/// </summary>
public sealed class HillClimbFactory : ISearchStrategyFactory
{
    public string Name => "hill-climb";

    public string Description => "Random samples first, then mutants of the best usable candidate so far (first-improvement hill climbing).";

    public string OptionsSchema => """
        {
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "initialSamples": { "description": "Random candidates before climbing.", "type": "integer", "minimum": 1, "default": 4 }
          }
        }
        """;

    public ISearchStrategy Create(StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new HillClimb(context, (int?)context.Options["initialSamples"] ?? 4);
    }
}
