namespace NasPlatform.Abstractions.Search;

/// <summary>
/// Where a strategy reports <see cref="StrategyEvent"/>s (from Ask or Tell). The engine writes them
/// to the store; when an experiment is resumed and the strategy replays its history, the events
/// it reports again are recognised by their order and not stored twice, so a strategy simply
/// reports whatever it computes.
/// </summary>
public interface IStrategyJournal
{
    /// <summary>A journal that drops everything: the default when nobody listens.</summary>
    static IStrategyJournal None { get; } = new NoJournal();

    /// <summary>Reports an event.</summary>
    void Record(StrategyEvent strategyEvent);

    private sealed class NoJournal : IStrategyJournal
    {
        public void Record(StrategyEvent strategyEvent)
        {
            // Nobody listens.
        }
    }
}
