using NasPlatform.Abstractions.Search;
using NasPlatform.Engine.Storage;

namespace NasPlatform.Engine.Running;

/// <summary>
/// The journal a run gives its strategy: numbers the events in the order the strategy reports
/// them and writes them to the store. A resumed strategy replays its asks and tells and so reports
/// its old events again under the same numbers; the store keeps the first copy. Events reported
/// before the session attaches (from the strategy's constructor) wait until it does.
/// </summary>
internal sealed class RunJournal : IStrategyJournal
{
    private readonly List<StrategyEvent> _early = [];
    private ITrialStore? _store;
    private long _experimentId;
    private Func<long>? _trialsTold;
    private long _next;

    /// <summary>Events reported so far.</summary>
    public long Count => _next;

    public void Attach(ITrialStore store, long experimentId, Func<long> trialsTold)
    {
        _store = store;
        _experimentId = experimentId;
        _trialsTold = trialsTold;
        foreach (var early in _early)
        {
            Write(early);
        }

        _early.Clear();
    }

    public void Record(StrategyEvent strategyEvent)
    {
        ArgumentNullException.ThrowIfNull(strategyEvent);
        if (_store is null)
        {
            _early.Add(strategyEvent);
            return;
        }

        Write(strategyEvent);
    }

    private void Write(StrategyEvent strategyEvent) =>
        _store!.AddStrategyEvent(_experimentId, _next++, strategyEvent, _trialsTold!());
}
