namespace NasPlatform.Abstractions.Evaluation;

/// <summary>
/// Optional, for evaluators whose search metrics come from a held-out validation split: retrains a chosen
/// candidate for deployment (at full budget, on all training data) and reports its metrics on the held-out
/// test split, which the search never sees. <c>nas train-final</c> uses it; an evaluator without it is
/// evaluated at its highest fidelity instead.
/// </summary>
public interface IFinalTrainer
{
    /// <summary>Trains <see cref="EvaluationRequest.Candidate"/> for deployment and measures it on the test split.</summary>
    /// <param name="request">The candidate, the evaluator's highest fidelity, a seed and the folder for the model files.</param>
    /// <param name="progress">Receives progress reports; may be called from any thread.</param>
    /// <param name="cancellationToken">Cancelled on Ctrl+C; honour it promptly.</param>
    /// <remarks>
    /// A long training should keep a checkpoint in <see cref="EvaluationRequest.WorkDirectory"/> and continue from it
    /// when called again with the same request (<c>nas train-final</c> after a kill or Ctrl+C), removing it once its
    /// model files are written.
    /// </remarks>
    /// <returns>Test metrics (e.g. "test_accuracy") and the saved model files as artifacts.</returns>
    /// <exception cref="ArgumentException">The candidate cannot be trained for deployment on its own (say why and what to do instead); <c>nas train-final</c> reports the message and exits with code 2.</exception>
    Task<EvaluationResult> TrainFinalAsync(EvaluationRequest request, IProgress<EvaluationProgress> progress, CancellationToken cancellationToken);
}
