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
}
