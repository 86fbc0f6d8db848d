using NasPlatform.Search.Results;
using NasPlatform.Engine.Results;
using NasPlatform.Engine.Storage;

namespace NasPlatform.Engine.Running;

/// <summary>Where an experiment stands: what a live display shows, and what a run returns (built from an <see cref="ExperimentStanding"/>).</summary>
/// <param name="ExperimentId">The store's id of the experiment.</param>
/// <param name="ExperimentName">The experiment's name.</param>
/// <param name="Status">Running while in progress; at the end Completed (budget spent) or Interrupted (cancelled).</param>
/// <param name="TrialsFinished">Completed, failed and pruned trials, over all sessions: the trials budget spent.</param>
/// <param name="Completed">Completed trials (feasible or not).</param>
/// <param name="Failed">Failed trials.</param>
/// <param name="Pruned">Pruned trials.</param>
/// <param name="Infeasible">Completed trials that break a constraint on metrics.</param>
/// <param name="Running">Trials being evaluated now.</param>
/// <param name="Pending">Recorded trials waiting for a worker.</param>
/// <param name="TrialBudget">The trials budget, if any.</param>
/// <param name="SecondsBudget">The wall-clock budget in seconds, if any.</param>
/// <param name="ElapsedSeconds">Wall-clock seconds spent, over all sessions.</param>
/// <param name="Best">
/// One objective: the best usable trial (none yet: empty). Several objectives: the Pareto front
/// of usable trials, best primary objective first. Only trials at the highest fidelity that has a
/// usable trial compete (see <see cref="FidelityFronts"/>).
/// </param>
/// <param name="RejectedCandidates">Proposals resampled in this session (constraints on free statistics, duplicates).</param>
public sealed record RunSummary(
    long ExperimentId,
    string ExperimentName,
    ExperimentStatus Status,
    int TrialsFinished,
    int Completed,
    int Failed,
    int Pruned,
    int Infeasible,
    int Running,
    int Pending,
    int? TrialBudget,
    double? SecondsBudget,
    double ElapsedSeconds,
    IReadOnlyList<TrialRecord> Best,
    long RejectedCandidates)
{
    /// <summary>Sum of the fidelity costs of the trials finished (over all sessions) and running.</summary>
    public double CostSpent { get; init; }

    /// <summary>The cost budget, if any.</summary>
    public double? CostBudget { get; init; }

    /// <summary>The fidelity the best trials were measured at; null while none is usable.</summary>
    public string? BestFidelity { get; init; }

    /// <summary>With several objectives: the hypervolume of the front in <see cref="Best"/>; null with one objective or before any finished trial.</summary>
    public HypervolumeMeasure? Hypervolume { get; init; }

    /// <summary>The summary of <paramref name="experiment"/> as <paramref name="standing"/> sees it.</summary>
    /// <param name="experiment">The experiment's row (its id and name).</param>
    /// <param name="status">The status to report.</param>
    /// <param name="standing">Where the experiment stands: every count, cost and best trial comes from it.</param>
    /// <param name="elapsedSeconds">Wall-clock seconds spent, over all sessions.</param>
    /// <param name="rejectedCandidates">Proposals resampled in this session.</param>
    public static RunSummary Of(ExperimentRecord experiment, ExperimentStatus status, ExperimentStanding standing, double elapsedSeconds, long rejectedCandidates)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(standing);
        return new RunSummary(
            experiment.Id,
            experiment.Name,
            status,
            standing.Finished,
            standing.Completed,
            standing.Failed,
            standing.Pruned,
            standing.Infeasible,
            standing.Running,
            standing.Pending,
            standing.Budget.Trials,
            standing.Budget.Seconds,
            elapsedSeconds,
            standing.Best,
            rejectedCandidates)
        {
            CostSpent = standing.CostSpent ?? 0,
            CostBudget = standing.Budget.Cost,
            BestFidelity = standing.BestFidelity,
            Hypervolume = standing.Hypervolume,
        };
    }
}
