using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Objectives;
using NasPlatform.Abstractions.Spaces;

namespace NasPlatform.Abstractions.Search;

/// <summary>Everything a strategy is built from.</summary>
/// <param name="Space">The search space.</param>
/// <param name="Objectives">The experiment's objectives.</param>
/// <param name="Fidelities">The evaluator's fidelities, cheapest first.</param>
/// <param name="DefaultFidelity">The fidelity the experiment evaluates at unless a strategy says otherwise.</param>
/// <param name="Seed">The experiment seed, for strategies that need randomness at construction.</param>
public sealed record StrategyContext(
    ISearchSpace Space,
    ObjectiveSet Objectives,
    IReadOnlyList<Fidelity> Fidelities,
    Fidelity DefaultFidelity,
    int Seed)
{
    /// <summary>
    /// Whether a candidate's free statistics meet the experiment's constraints on free statistics;
    /// null when it has none. The engine refuses proposals that fail it anyway; strategies that
    /// search a model of their own (a predictor) use it to search only where candidates are allowed.
    /// </summary>
    public Func<IReadOnlyDictionary<string, double>, bool>? FreeStatisticsConstraint { get; init; }

    /// <summary>
    /// Finished trials of another experiment on the same search space (a similar problem) that a strategy may
    /// learn from, oldest first; empty unless the strategy's options name one ("transferFrom"). They are not
    /// trials of this experiment: they were never proposed or evaluated here, and their metrics are on the
    /// other problem's scale.
    /// </summary>
    public IReadOnlyList<TrialOutcome> TransferredTrials { get; init; } = [];

    /// <summary>Where the strategy reports events for the record (predictor quality, ...); never null.</summary>
    public IStrategyJournal Journal { get; init; } = IStrategyJournal.None;

    /// <summary>
    /// Where the strategy says what it is doing during a slow step between trials (a refit, a screening), so a
    /// live display can show it; never null, and a no-op unless a display listens. Optional: a strategy that
    /// never reports simply leaves the display showing its trials.
    /// </summary>
    public IStrategyStatus Status { get; init; } = IStrategyStatus.None;

    /// <summary>True when <paramref name="freeStatistics"/> meet every constraint on free statistics (always, when there are none).</summary>
    public bool Admits(IReadOnlyDictionary<string, double> freeStatistics) =>
        FreeStatisticsConstraint is not { } constraint || constraint(freeStatistics);
}
