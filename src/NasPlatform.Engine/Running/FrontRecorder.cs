using NasPlatform.Engine.Results;
using NasPlatform.Engine.Storage;

namespace NasPlatform.Engine.Running;

/// <summary>
/// Keeps the store's hypervolume history complete: with several objectives, one front point per
/// finished trial, measured on the standing's front right after that trial.
/// </summary>
internal sealed class FrontRecorder
{
    private readonly ITrialStore _store;
    private readonly long _experimentId;
    private readonly ExperimentStanding _standing;
    private readonly HashSet<long> _history = [];

    public FrontRecorder(ITrialStore store, long experimentId, ExperimentStanding standing)
    {
        _store = store;
        _experimentId = experimentId;
        _standing = standing;
    }

    /// <summary>Reads the points an earlier session recorded.</summary>
    public void Load() => _history.UnionWith(_store.GetFrontHistory(_experimentId).Select(p => p.TellSequence));

    /// <summary>
    /// Records the point of a trial just applied to the standing, unless it is already stored:
    /// a session killed between recording a trial and its front point leaves a gap the replay fills.
    /// </summary>
    public void Record(TrialRecord finished)
    {
        if (!_standing.Objectives.IsMultiObjective || finished.TellSequence is not { } tell || !_history.Add(tell))
        {
            return;
        }

        var hypervolume = _standing.Hypervolume!;
        _store.AddFrontPoint(_experimentId, new FrontPoint(tell, finished.Number, hypervolume.FrontSize, hypervolume.Value, hypervolume.Reference, hypervolume.Derived));
    }
}
