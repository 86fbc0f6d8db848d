namespace NasPlatform.Reporting.Data;

/// <summary>One refit of a predictor strategy, replayed: what the refitted predictor predicts for the trials told after it.</summary>
/// <param name="TrialsTold">Trials the strategy had been told at the refit (it trained on the usable ones).</param>
/// <param name="TrainedOn">Usable trials the replayed fit trained on.</param>
/// <param name="Predicted">Predicted value of the primary metric for each held-out trial (told before the next refit).</param>
/// <param name="Measured">Its measured value.</param>
/// <param name="KendallTau">Kendall's tau-b of the replayed predictions against the measured values; NaN under two trials.</param>
/// <param name="JournaledTau">The tau the run journaled for the same held-out trials at its next refit; NaN when it journaled none.</param>
public sealed record PredictorRefit(long TrialsTold, int TrainedOn, double[] Predicted, double[] Measured, double KendallTau, double JournaledTau)
{
    /// <summary>The number of each held-out trial, in the order of <see cref="Predicted"/> (for hover and click-through).</summary>
    public IReadOnlyList<int> Trials { get; init; } = [];
}
