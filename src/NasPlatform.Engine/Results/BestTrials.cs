using NasPlatform.Abstractions.Objectives;
using NasPlatform.Engine.Storage;

namespace NasPlatform.Engine.Results;

/// <summary>What "the best so far" means for an experiment's objectives.</summary>
public static class BestTrials
{
    /// <summary>
    /// One objective: the usable trial with the best value (the earliest on ties), or none.
    /// Several objectives: the Pareto front of the usable trials, best primary objective first.
    /// </summary>
    public static IReadOnlyList<TrialRecord> Of(IEnumerable<TrialRecord> trials, ObjectiveSet objectives) =>
        From(ParetoFront.Of(trials, objectives), objectives);

    /// <summary>The best trials given an up-to-date front (see <see cref="Of"/>).</summary>
    public static IReadOnlyList<TrialRecord> From(ParetoFront front, ObjectiveSet objectives) =>
        From(front.Members, objectives);

    private static IReadOnlyList<TrialRecord> From(IReadOnlyList<TrialRecord> members, ObjectiveSet objectives) =>
        objectives.IsMultiObjective || members.Count == 0 ? members : [members[0]];
}
