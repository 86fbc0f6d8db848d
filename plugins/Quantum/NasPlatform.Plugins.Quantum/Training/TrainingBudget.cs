namespace NasPlatform.Plugins.Quantum.Training;

/// <summary>How much training a trial gets: the fidelity's steps and restarts, and the optimizer settings.</summary>
/// <param name="Steps">Optimizer steps (iterations) per restart.</param>
/// <param name="Restarts">Independent runs from fresh random initial parameters; the best is kept.</param>
/// <param name="Optimizer">The optimizer and its settings.</param>
public sealed record TrainingBudget(int Steps, int Restarts, OptimizerSettings Optimizer)
{
    /// <summary>A budget with the default optimizer settings.</summary>
    public TrainingBudget(int steps, int restarts)
        : this(steps, restarts, new OptimizerSettings())
    {
    }

    /// <summary>
    /// Where training starts (a warm start, such as ADAPT-VQE's previous angles plus 0 for the new operator):
    /// the first restart starts exactly here, later ones here plus N(0, sigma²) noise; missing entries are 0.
    /// Null: every restart draws N(0, sigma²).
    /// </summary>
    public IReadOnlyList<double>? InitialParameters { get; init; }
}
