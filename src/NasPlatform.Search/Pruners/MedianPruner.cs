using System.Globalization;
using NasPlatform.Abstractions.Objectives;

namespace NasPlatform.Search.Pruners;

/// <summary>
/// Optuna's median rule: a trial stops when its best value so far is worse than the median of the
/// completed trials' values at the same step. Only completed trials are compared (a pruned trial's
/// values describe a trial that was stopped for being poor, and would pull the median down).
/// </summary>
public sealed class MedianPruner : IPruner
{
    /// <summary>The name in experiment files.</summary>
    public const string PrunerName = "median";

    private readonly Direction _direction;

    /// <param name="direction">Whether larger (maximize) or smaller values of the metric are better.</param>
    /// <param name="startupTrials">No trial is pruned until this many trials completed.</param>
    /// <param name="warmupSteps">Steps below this are never judged (early epochs say little).</param>
    /// <param name="interval">Judged every <paramref name="interval"/> steps from <paramref name="warmupSteps"/> on.</param>
    public MedianPruner(Direction direction, int startupTrials = 5, int warmupSteps = 0, int interval = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(startupTrials);
        ArgumentOutOfRangeException.ThrowIfNegative(warmupSteps);
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, 1);
        _direction = direction;
        StartupTrials = startupTrials;
        WarmupSteps = warmupSteps;
        Interval = interval;
    }

    public string Name => PrunerName;

    public int StartupTrials { get; }

    public int WarmupSteps { get; }

    public int Interval { get; }

    public PruneDecision? Judge(int step, IReadOnlyDictionary<int, double> trial, IReadOnlyList<TrialHistory> others)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(others);
        var completed = others.Where(o => o.Completed).ToList();
        if (completed.Count < StartupTrials || step < WarmupSteps || (step - WarmupSteps) % Interval != 0)
        {
            return null;
        }

        var atStep = completed.Where(o => o.Values.ContainsKey(step)).Select(o => o.Values[step]).Where(double.IsFinite).ToList();
        var soFar = trial.Where(v => v.Key <= step && double.IsFinite(v.Value)).Select(v => v.Value).ToList();
        if (atStep.Count == 0 || soFar.Count == 0)
        {
            return null;
        }

        var median = Median(atStep);
        var best = _direction == Direction.Maximize ? soFar.Max() : soFar.Min();
        var worse = _direction == Direction.Maximize ? best < median : best > median;
        if (!worse)
        {
            return null;
        }

        var reason = string.Create(CultureInfo.InvariantCulture,
            $"pruned at step {step}: best value so far {best:G6} is {(_direction == Direction.Maximize ? "below" : "above")} the median {median:G6} of {atStep.Count} completed trial(s) at that step (median pruner)");
        return new PruneDecision(step, best, median, reason);
    }

    /// <summary>The middle value; the mean of the two middle ones for an even count (numpy's median).</summary>
    public static double Median(IReadOnlyCollection<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("The median of no values is undefined.", nameof(values));
        }

        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
