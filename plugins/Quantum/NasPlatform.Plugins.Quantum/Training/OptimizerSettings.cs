namespace NasPlatform.Plugins.Quantum.Training;

/// <summary>How a variational task trains its parameters (the evaluator's training options).</summary>
/// <param name="Kind">The optimizer.</param>
/// <param name="LearningRate">Adam's step size (ignored by L-BFGS, which line-searches).</param>
/// <param name="InitialSigma">Initial parameters are drawn from N(0, sigma²), a fresh draw per restart.</param>
/// <param name="PlateauTolerance">
/// Early stop when the best loss improved by less than PlateauTolerance·max(|loss|, 1) over the last
/// <paramref name="PlateauWindow"/> steps (relative for large losses, absolute near zero). 0 disables it.
/// </param>
/// <param name="PlateauWindow">Steps over which improvement is measured.</param>
/// <param name="LbfgsMemory">Correction pairs L-BFGS keeps.</param>
/// <param name="GradientTolerance">Stop when the gradient's largest component falls below this (a stationary point).</param>
public sealed record OptimizerSettings(
    OptimizerKind Kind = OptimizerKind.Lbfgs,
    double LearningRate = 0.05,
    double InitialSigma = 0.5,
    double PlateauTolerance = 1e-9,
    int PlateauWindow = 20,
    int LbfgsMemory = 12,
    double GradientTolerance = 1e-8)
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the bad setting.</summary>
    public void Validate()
    {
        if (!(LearningRate > 0) || !double.IsFinite(LearningRate))
        {
            throw new ArgumentException($"learningRate must be a positive number (got {LearningRate}).");
        }

        if (!(InitialSigma >= 0) || !double.IsFinite(InitialSigma))
        {
            throw new ArgumentException($"sigma must be zero or positive (got {InitialSigma}).");
        }

        if (!(PlateauTolerance >= 0) || PlateauWindow < 1)
        {
            throw new ArgumentException($"plateau tolerance must be >= 0 and its window >= 1 (got {PlateauTolerance}, {PlateauWindow}).");
        }

        if (LbfgsMemory < 1 || !(GradientTolerance >= 0))
        {
            throw new ArgumentException($"L-BFGS memory must be >= 1 and the gradient tolerance >= 0 (got {LbfgsMemory}, {GradientTolerance}).");
        }
    }
}
