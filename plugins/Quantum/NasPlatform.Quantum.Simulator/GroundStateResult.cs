namespace NasPlatform.Quantum.Simulator;

/// <summary>Lowest eigenpair found by <see cref="Lanczos"/>.</summary>
/// <param name="Energy">Lowest eigenvalue.</param>
/// <param name="State">A normalized eigenvector for it.</param>
/// <param name="MatrixVectorProducts">Applications of H spent.</param>
/// <param name="Residual">‖H v − E v‖ of the returned vector.</param>
/// <param name="Converged">Whether the residual met the tolerance.</param>
public sealed record GroundStateResult(double Energy, StateVector State, int MatrixVectorProducts, double Residual, bool Converged);
