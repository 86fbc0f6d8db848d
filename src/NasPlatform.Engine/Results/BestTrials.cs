using NasPlatform.Abstractions.Objectives;
using NasPlatform.Engine.Storage;

namespace NasPlatform.Engine.Results;

/// <summary>What "the best so far" means for an experiment's objectives.</summary>
/// <remarks>
/// With several fidelities, only trials at the highest fidelity that has a usable trial compete
/// (see <see cref="FidelityFronts"/>): a full-fidelity result always outranks a cheap proxy's.
/// </remarks>
public static class BestTrials
{
    /// <summary>
    /// One objective: the usable trial with the best value (the earliest on ties), or none.
    /// Several objectives: the Pareto front of the usable trials, best primary objective first.
    /// </summary>
    /// <param name="trials">The trials.</param>
    /// <param name="objectives">The objectives.</param>
    /// <param name="fidelityOrder">Fidelity names, cheapest first; null compares trials of every fidelity together.</param>
    public static IReadOnlyList<TrialRecord> Of(IEnumerable<TrialRecord> trials, ObjectiveSet objectives, IReadOnlyList<string>? fidelityOrder = null) =>
        From(FidelityFronts.Of(trials, objectives, fidelityOrder).Members, objectives);

    /// <summary>The best trials given an up-to-date front (see <see cref="Of"/>).</summary>
    public static IReadOnlyList<TrialRecord> From(ParetoFront front, ObjectiveSet objectives) =>
        From(front.Members, objectives);

    /// <summary>The best trials given up-to-date fronts per fidelity (see <see cref="Of"/>).</summary>
    public static IReadOnlyList<TrialRecord> From(FidelityFronts fronts, ObjectiveSet objectives) =>
        From(fronts.Members, objectives);

    private static IReadOnlyList<TrialRecord> From(IReadOnlyList<TrialRecord> members, ObjectiveSet objectives) =>
        objectives.IsMultiObjective || members.Count == 0 ? members : [members[0]];
}
