namespace NasPlatform.Plugins.Quantum.Training;

/// <summary>What <see cref="Trainer.Minimize"/> found.</summary>
/// <param name="BestLoss">The lowest loss over all restarts.</param>
/// <param name="BestParameters">Where it was reached.</param>
/// <param name="BestRestart">Which restart reached it, from 0.</param>
/// <param name="Steps">Optimizer steps taken over all restarts (fewer than the budget when plateaus stopped early).</param>
/// <param name="Evaluations">Loss-and-gradient evaluations over all restarts.</param>
/// <param name="Convergence">The winning restart's best loss after each optimizer step (its start point alone when no step was taken).</param>
public sealed record TrainingResult(double BestLoss, double[] BestParameters, int BestRestart, int Steps, int Evaluations, IReadOnlyList<double> Convergence);
