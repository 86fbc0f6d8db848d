using NasPlatform.Abstractions.Search;
using NasPlatform.Abstractions.Spaces;

namespace NasPlatform.Search.Strategies;

/// <summary>Proposes a fresh sample of the space every time; learns nothing from outcomes.</summary>
public sealed class RandomSearch : ISearchStrategy
{
    private readonly ISearchSpace _space;

    public RandomSearch(ISearchSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        _space = space;
    }

    public TrialProposal Ask(Random rng) => new(_space.Sample(rng));

    public void Tell(TrialOutcome outcome)
    {
        // Random search keeps no state; outcomes only matter to the engine.
    }
}
