using NasPlatform.Abstractions.Search;

namespace NasPlatform.Search.Predictors;

/// <summary>
/// What a predictor learns from when trials of another problem (<see cref="StrategyContext.TransferredTrials"/>)
/// join this experiment's: each problem's utilities standardised on their own (minus their mean, over their
/// standard deviation), because the objective's scale differs between problems (the ground energy of an Ising
/// ring at field 0.5 is not at field 1.5) while what is learnt, which candidates are better than which, carries
/// over. Without transferred trials the utilities stay as they are.
/// </summary>
public static class TransferTargets
{
    /// <summary>The targets of <paramref name="own"/> then <paramref name="transferred"/>, in that order.</summary>
    public static double[] Of(IReadOnlyList<TrialOutcome> own, IReadOnlyList<TrialOutcome> transferred, StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(own);
        ArgumentNullException.ThrowIfNull(transferred);
        ArgumentNullException.ThrowIfNull(context);
        var ownUtilities = own.Select(t => PredictorTrainer.Utility(t, context)).ToArray();
        if (transferred.Count == 0)
        {
            return ownUtilities;
        }

        return [.. Standardize(ownUtilities), .. Standardize(transferred.Select(t => PredictorTrainer.Utility(t, context)).ToArray())];
    }

    /// <summary>The usable transferred trials with a finite value of the primary metric, in their order.</summary>
    public static IReadOnlyList<TrialOutcome> Usable(StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var metric = context.Objectives.Primary.Metric;
        return context.TransferredTrials.Where(t => t.IsUsable && t.Metrics.TryGetValue(metric, out var v) && double.IsFinite(v)).ToList();
    }

    /// <summary>Values minus their mean over their (population) standard deviation; all 0 when they do not vary.</summary>
    public static double[] Standardize(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return [];
        }

        var mean = values.Average();
        var deviation = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
        return values.Select(v => deviation > 0 ? (v - mean) / deviation : 0.0).ToArray();
    }
}
