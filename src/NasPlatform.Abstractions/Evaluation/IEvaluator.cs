namespace NasPlatform.Abstractions.Evaluation;

/// <summary>
/// Measures candidates. An evaluator may be called from several workers at once, so it must be
/// safe for concurrent calls. It may throw: the engine records the failure on the trial and
/// the search goes on.
/// </summary>
public interface IEvaluator
{
    /// <summary>The budget levels this evaluator offers, cheapest first; the last is full fidelity.</summary>
    IReadOnlyList<Fidelity> Fidelities { get; }

    /// <summary>
    /// Every metric a successful evaluation may return, declared ahead, so that an experiment whose
    /// objective or constraint names another (a typo, a metric of another task) is refused by
    /// <c>nas validate</c> and <c>nas run</c> before anything is evaluated or stored. Empty (the default)
    /// means undeclared: the engine then finds such a mistake only in the first result.
    /// </summary>
    IReadOnlyList<string> Metrics => [];

    /// <summary>
    /// The metric a person of this domain judges a result by (a VQE's <c>energy_error</c> against the exact
    /// ground state, a classifier's <c>accuracy</c>), shown beside the objectives on the best trial of a run.
    /// It need not be an objective. Null (the default) means the experiment's first objective.
    /// </summary>
    string? HeadlineMetric => null;

    /// <summary>Evaluates one candidate at one fidelity.</summary>
    /// <param name="request">Candidate, fidelity, seed and work directory.</param>
    /// <param name="progress">Receives progress reports; may be called from any thread.</param>
    /// <param name="cancellationToken">Cancelled on timeout or shutdown; honour it promptly.</param>
    Task<EvaluationResult> EvaluateAsync(EvaluationRequest request, IProgress<EvaluationProgress> progress, CancellationToken cancellationToken);
}
