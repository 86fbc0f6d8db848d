using NasPlatform.Search;
using NasPlatform.Abstractions.Search;
using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Storage;

namespace NasPlatform.Engine.Running;

/// <summary>
/// Rebuilds a session's state out of the store: replays, in their original order, every Tell and
/// every Ask (with the generator each trial was proposed with), so a strategy that plans ahead
/// inside Ask rebuilds exactly as well as one whose state is all in Tell.
/// </summary>
internal sealed class SessionRestore
{
    private readonly ExperimentSpec _spec;
    private readonly ITrialStore _store;
    private readonly long _experimentId;
    private readonly ProposalSource _proposals;
    private readonly IRunObserver _observer;

    public SessionRestore(ExperimentSpec spec, ITrialStore store, long experimentId, ProposalSource proposals, IRunObserver observer)
    {
        _spec = spec;
        _store = store;
        _experimentId = experimentId;
        _proposals = proposals;
        _observer = observer;
    }

    /// <summary>The generator trial <paramref name="number"/> is proposed with, in every session.</summary>
    public static Random ProposalRandom(int seed, int number) => new(SeedSequence.Derive(seed, number));

    /// <summary>
    /// Puts trials left running by a killed or cancelled session back to pending, then hands every
    /// finished trial to <paramref name="tell"/> in tell order, each before the proposals made after
    /// it. Returns every stored trial, by number.
    /// </summary>
    public IReadOnlyList<TrialRecord> Replay(Action<TrialRecord> tell)
    {
        _store.RequeueRunning(_experimentId);
        var trials = _store.GetTrials(_experimentId);
        var told = trials.Where(t => t.IsFinished).OrderBy(t => t.TellSequence ?? long.MaxValue).ThenBy(t => t.Number).ToList();
        var nextToTell = 0;
        foreach (var trial in trials)
        {
            while (nextToTell < told.Count && told[nextToTell].TellSequence < trial.ToldBefore)
            {
                tell(told[nextToTell++]);
            }

            _proposals.Replay(trial, ProposalRandom(_spec.Seed, trial.Number));
        }

        while (nextToTell < told.Count)
        {
            tell(told[nextToTell++]);
        }

        if (_proposals.ReplayMismatches > 0)
        {
            _observer.Warning($"{_proposals.ReplayMismatches} of {trials.Count} stored proposals came out differently when replayed: " +
                              $"strategy '{_spec.Strategy.Name}' or the search space is not deterministic for a fixed seed, so the resumed search may differ from an uninterrupted one (no stored result is affected).");
        }

        return trials;
    }
}
