using NasPlatform.Abstractions.Search;

namespace NasPlatform.Testing.Contracts;

/// <summary>Keeps what a strategy reports, with the number of trials told at the time, as the engine's store does.</summary>
public sealed class RecordingJournal : IStrategyJournal
{
    private readonly List<string> _events = [];

    /// <summary>Trials told so far; the driver sets it.</summary>
    public int Told { get; set; }

    /// <summary>Each event as "kind after N told" (summaries and values may hold timings, so they are left out).</summary>
    public IReadOnlyList<string> Events => _events;

    public void Record(StrategyEvent strategyEvent)
    {
        ArgumentNullException.ThrowIfNull(strategyEvent);
        _events.Add($"{strategyEvent.Kind} after {Told} told");
    }
}
