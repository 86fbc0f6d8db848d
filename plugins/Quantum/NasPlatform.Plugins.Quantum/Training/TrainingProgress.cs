namespace NasPlatform.Plugins.Quantum.Training;

/// <summary>A progress report from <see cref="Trainer.Minimize"/>.</summary>
/// <param name="Restart">The current restart, from 0.</param>
/// <param name="Restarts">Restarts in the budget.</param>
/// <param name="Step">Steps done in the current restart.</param>
/// <param name="Steps">Steps per restart in the budget.</param>
/// <param name="Loss">The current restart's best loss so far.</param>
/// <param name="BestLoss">The best loss over all restarts so far.</param>
public sealed record TrainingProgress(int Restart, int Restarts, int Step, int Steps, double Loss, double BestLoss)
{
    /// <summary>Done so far, from 0 to 1 (early-stopped restarts count as finished).</summary>
    public double Fraction => Math.Clamp((Restart + (double)Step / Math.Max(Steps, 1)) / Math.Max(Restarts, 1), 0, 1);
}
