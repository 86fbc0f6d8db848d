using System.Diagnostics;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Results;

namespace NasPlatform.Engine.Running;

/// <summary>
/// The budget accounting of one session: whether another trial may start, given what the
/// experiment's standing has spent (trials, cost) and the wall-clock time of every session.
/// </summary>
internal sealed class RunBudget
{
    private readonly BudgetSpec _budget;
    private readonly ExperimentStanding _standing;
    private readonly double _cheapestCost;
    private readonly double _elapsedBefore;
    private readonly Stopwatch _clock = new();
    private double _elapsedRecorded;
    private bool _costExhausted;

    /// <param name="budget">The experiment's budget.</param>
    /// <param name="standing">What the experiment has spent, kept up to date by the session.</param>
    /// <param name="fidelities">The evaluator's fidelities (the cheapest decides whether any trial still fits the cost budget).</param>
    /// <param name="elapsedBefore">Wall-clock seconds the earlier sessions spent.</param>
    public RunBudget(BudgetSpec budget, ExperimentStanding standing, IReadOnlyList<Fidelity> fidelities, double elapsedBefore)
    {
        _budget = budget;
        _standing = standing;
        _cheapestCost = fidelities.Min(f => f.Cost);
        _elapsedBefore = elapsedBefore;
    }

    /// <summary>Wall-clock seconds spent, over all sessions.</summary>
    public double TotalElapsed => _elapsedBefore + _clock.Elapsed.TotalSeconds;

    /// <summary>Starts this session's clock.</summary>
    public void Start() => _clock.Start();

    /// <summary>This session's seconds not yet handed out; the caller adds them to the store.</summary>
    public double TakeUnrecordedSeconds()
    {
        var now = _clock.Elapsed.TotalSeconds;
        var seconds = now - _elapsedRecorded;
        _elapsedRecorded = now;
        return seconds;
    }

    /// <summary>
    /// Trials budget: finished plus running never exceeds it, and pending trials from an earlier
    /// session already hold their numbers, so the count ends exact. Wall-clock budget: no trial
    /// starts once it is spent; running trials finish (the trial timeout bounds them).
    /// </summary>
    public bool AllowsAnother() =>
        (_budget.Seconds is not { } seconds || TotalElapsed < seconds)
        && (_budget.Trials is not { } trials || _standing.Finished + _standing.Running < trials)
        && !_costExhausted
        && (_budget.Cost is null || Fits(_cheapestCost));

    /// <summary>
    /// Cost budget: a trial starts only if the cost of the trials finished and running plus its
    /// own stays within the budget (up to rounding), so the spent cost ends exact or below. The
    /// first trial that does not fit ends the run, even if a cheaper one would.
    /// </summary>
    public bool CostAllows(double cost)
    {
        if (Fits(cost))
        {
            return true;
        }

        _costExhausted = true;
        return false;
    }

    private bool Fits(double cost) =>
        _budget.Cost is not { } budget || (_standing.CostSpent ?? 0) + cost <= budget + (1e-9 * Math.Max(1.0, Math.Abs(budget)));
}
