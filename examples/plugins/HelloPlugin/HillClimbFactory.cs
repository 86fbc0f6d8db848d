using NasPlatform.Abstractions.Search;

namespace HelloPlugin;

/// <summary>
/// A plugin's own strategy, offered to every experiment as "hill-climb": the host validates its options
/// against the schema generated from <see cref="HillClimbOptions"/> and resumes it by replaying stored outcomes, as for its own strategies.
/// </summary>
public sealed class HillClimbFactory : SearchStrategyFactory<HillClimbOptions>
{
    public override string Name => "hill-climb";

    public override string Description => "Random samples first, then mutants of the best usable candidate so far (first-improvement hill climbing).";

    public override ISearchStrategy Create(HillClimbOptions options, StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        return new HillClimb(context, options.InitialSamples);
    }
}
