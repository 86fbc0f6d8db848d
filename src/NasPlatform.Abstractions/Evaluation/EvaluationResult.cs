namespace NasPlatform.Abstractions.Evaluation;

/// <summary>What an evaluation measured.</summary>
/// <param name="Metrics">Named metrics; NaN or infinite values make the trial fail.</param>
/// <param name="Artifacts">Files the evaluation produced (models, logs, plots), kept with the trial.</param>
public sealed record EvaluationResult(IReadOnlyDictionary<string, double> Metrics, IReadOnlyList<Artifact> Artifacts)
{
    /// <summary>A result with metrics only.</summary>
    public EvaluationResult(IReadOnlyDictionary<string, double> metrics)
        : this(metrics, Array.Empty<Artifact>())
    {
    }
}
