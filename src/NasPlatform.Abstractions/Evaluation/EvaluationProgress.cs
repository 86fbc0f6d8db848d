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
}
