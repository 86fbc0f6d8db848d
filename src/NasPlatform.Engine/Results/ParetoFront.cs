using NasPlatform.Abstractions.Objectives;
using NasPlatform.Engine.Storage;

namespace NasPlatform.Engine.Results;

/// <summary>
/// The usable trials no other usable trial dominates (no worse in every objective and better in
/// one). Kept incrementally, so a run can show it after every trial. With one objective it holds
/// the trials that share the best value.
/// </summary>
public sealed class ParetoFront
{
    private readonly ObjectiveSet _objectives;
    private readonly List<TrialRecord> _members = [];

    public ParetoFront(ObjectiveSet objectives)
    {
        _objectives = objectives ?? throw new ArgumentNullException(nameof(objectives));
    }

    /// <summary>The front, best primary objective first, then by trial number.</summary>
    public IReadOnlyList<TrialRecord> Members =>
        _members.OrderByDescending(t => _objectives.Primary.Utility(t.Metrics[_objectives.Primary.Metric])).ThenBy(t => t.Number).ToList();

    /// <summary>Members of the front.</summary>
    public int Count => _members.Count;

    /// <summary>The front of <paramref name="trials"/>.</summary>
    public static IReadOnlyList<TrialRecord> Of(IEnumerable<TrialRecord> trials, ObjectiveSet objectives)
    {
        var front = new ParetoFront(objectives);
        foreach (var trial in trials)
        {
            front.Add(trial);
        }

        return front.Members;
    }

    /// <summary>
    /// Offers a trial. Trials that are not usable or lack a finite value for an objective are
    /// ignored. Returns true when the trial joined the front (members it dominates leave it).
    /// </summary>
    public bool Add(TrialRecord trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        if (!trial.IsUsable || !_objectives.Utilities(trial.Metrics).All(double.IsFinite))
        {
            return false;
        }

        if (_members.Any(m => m.Number == trial.Number || _objectives.Dominates(m.Metrics, trial.Metrics)))
        {
            return false;
        }

        _members.RemoveAll(m => _objectives.Dominates(trial.Metrics, m.Metrics));
        _members.Add(trial);
        return true;
    }
}
