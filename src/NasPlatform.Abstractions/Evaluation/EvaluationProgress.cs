namespace NasPlatform.Abstractions.Evaluation;

/// <summary>A progress report from a running evaluation.</summary>
/// <param name="Fraction">Done so far, from 0 to 1.</param>
/// <param name="Message">Short human-readable status, e.g. "epoch 3/10".</param>
/// <param name="Metrics">Intermediate metrics, e.g. the validation accuracy so far; may be empty.</param>
public sealed record EvaluationProgress(double Fraction, string Message, IReadOnlyDictionary<string, double> Metrics)
{
    /// <summary>A progress report without intermediate metrics.</summary>
    public EvaluationProgress(double fraction, string message)
        : this(fraction, message, new Dictionary<string, double>())
    {
    }

    /// <summary>
    /// The step (usually the epoch, from 1) that <see cref="Metrics"/> were measured at, when they are
    /// intermediate values of the trial's final metrics, e.g. the validation accuracy after epoch 3.
    /// Steps of one evaluation increase. The host stores such values and a pruner (the experiment's
    /// <c>"pruner"</c>) compares them across trials at the same step to stop poor trials early; a
    /// report without a step (null, the default) is shown only. Added in contract 1.2.
    /// </summary>
    public int? Step { get; init; }
}
