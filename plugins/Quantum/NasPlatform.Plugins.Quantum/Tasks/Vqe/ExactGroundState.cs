using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Plugins.Quantum.Tasks.Vqe;

/// <summary>
/// The exact ground energy and an orthonormal basis of the ground space found by Lanczos.
/// <see cref="Degeneracy"/> counts the independent ground vectors found from different random starts: 1
/// for a non-degenerate ground state; a lower bound (at most <see cref="ExactGroundStates.MaxDegeneracy"/>)
/// otherwise. Two levels closer than the solver's accuracy count as degenerate.
/// </summary>
/// <param name="Energy">The lowest eigenvalue.</param>
/// <param name="Basis">Orthonormal ground vectors.</param>
public sealed record ExactGroundState(double Energy, IReadOnlyList<StateVector> Basis)
{
    /// <summary>Independent ground vectors found.</summary>
    public int Degeneracy => Basis.Count;

    /// <summary>Weight of <paramref name="state"/> in the ground space, Σ_i |⟨g_i|ψ⟩|² (the ground-state fidelity).</summary>
    public double Fidelity(StateVector state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return Math.Min(1.0, Basis.Sum(g => g.Fidelity(state)));
    }
}
