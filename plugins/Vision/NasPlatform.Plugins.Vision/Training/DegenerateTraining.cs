using System.Globalization;
using NasPlatform.Plugins.Vision.Evaluation;

namespace NasPlatform.Plugins.Vision.Training;

/// <summary>
/// Recognises a training that produced no usable classifier, so that its trial fails with the reason instead of
/// being ranked (a failed trial has no metrics: no front, predictor or strategy learns from it): the loss is not
/// finite, the last epoch's training loss ended above the first step's, or the predictions collapsed onto one class.
/// </summary>
public static class DegenerateTraining
{
    /// <summary>Share of all predictions one class must take to count as a collapse.</summary>
    public const double CollapseShare = 0.9;

    /// <summary>
    /// The reason the training is degenerate, or null when it is not. A collapse is one class taking at least
    /// <see cref="CollapseShare"/> of the predictions while holding at most half of the true labels (a split that is
    /// mostly one class may rightly be predicted so).
    /// </summary>
    public static string? Diagnose(ConfusionMatrix confusion, double firstLoss, double lastLoss)
    {
        ArgumentNullException.ThrowIfNull(confusion);
        if (double.IsNaN(lastLoss) || double.IsInfinity(lastLoss))
        {
            return Format($"the training loss is {lastLoss}");
        }

        if (double.IsFinite(firstLoss) && lastLoss > firstLoss)
        {
            return Format($"the training loss rose from {firstLoss:0.####} at the first step to {lastLoss:0.####} in the last epoch");
        }

        var total = confusion.Total;
        if (total == 0)
        {
            return null;
        }

        var top = Enumerable.Range(0, confusion.Classes).MaxBy(confusion.PredictedCount);
        var share = confusion.PredictedCount(top) / (double)total;
        var truth = confusion.Support(top) / (double)total;
        return share >= CollapseShare && truth <= 0.5
            ? Format($"the predictions collapsed onto one class: {share:P1} of the {total} evaluation images are predicted '{confusion.ClassNames[top]}', which holds {truth:P1} of them")
            : null;
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
