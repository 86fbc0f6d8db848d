using NasPlatform.Plugins.Quantum.Training;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Plugins.Quantum.Tasks;

/// <summary>
/// A variational problem a searched circuit is trained on: a VQE energy, a classifier's loss. The
/// evaluator builds the candidate's ansatz and hands it to <see cref="Fit"/>; the task trains its
/// parameters (usually through <see cref="Trainer.Minimize"/>) and reports its metrics. One task
/// instance serves every trial of an experiment, from several workers at once: <see cref="Fit"/>
/// must be thread-safe (keep per-call state, such as simulator workspaces, local to the call).
/// </summary>
public interface IVariationalTask
{
    /// <summary>The register the task needs; candidates with another qubit count fail with a clear message.</summary>
    int NumQubits { get; }

    /// <summary>
    /// Name of the metric the task minimizes or maximizes first (for example "energy" or
    /// "accuracy"), for listings and example files.
    /// </summary>
    string PrimaryMetric { get; }

    /// <summary>
    /// The metric a person of this task judges a result by, shown beside the objectives on a run's best trial
    /// (<see cref="Abstractions.Evaluation.IEvaluator.HeadlineMetric"/>); by default <see cref="PrimaryMetric"/>.
    /// </summary>
    string HeadlineMetric => PrimaryMetric;

    /// <summary>Every metric <see cref="Fit"/> returns, declared ahead (the evaluator adds the circuit's statistics).</summary>
    IReadOnlyList<string> Metrics { get; }

    /// <summary>Trains <paramref name="ansatz"/> and measures the result.</summary>
    /// <param name="ansatz">
    /// The candidate's circuit on <see cref="NumQubits"/> qubits; its parameters are
    /// <see cref="Angle.Parameter"/> indices 0..ParameterCount-1 and it starts from |0…0⟩ unless the
    /// task prepares another state before it.
    /// </param>
    /// <param name="budget">Optimizer steps, restarts and optimizer settings (from the trial's fidelity and the evaluator options).</param>
    /// <param name="rng">Seeded from the trial seed: every random choice (initial parameters, batches) comes from it.</param>
    /// <param name="progress">Receives training progress; may be null.</param>
    /// <param name="cancellationToken">Checked between optimizer steps.</param>
    TaskResult Fit(Circuit ansatz, TrainingBudget budget, Random rng, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken);
}
