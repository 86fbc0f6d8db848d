using NasPlatform.Quantum.Chemistry.Ansatz;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Plugins.Quantum.Tasks.Vqe;

/// <summary>What one of the ways of giving a Hamiltonian (inline sum, model, file, molecule) produced.</summary>
/// <param name="Hamiltonian">The Pauli sum.</param>
/// <param name="Description">For messages and listings.</param>
/// <param name="HartreeFockState">The Hartree–Fock basis string, when known (the default initial state).</param>
/// <param name="Sector">The particle-number sector the exact energy is taken in, for molecules.</param>
/// <param name="ReferenceMetrics">Constant metrics reported with every trial.</param>
/// <param name="Provenance">Where the Hamiltonian came from.</param>
internal sealed record HamiltonianSource(
    PauliSum Hamiltonian, string Description, string? HartreeFockState = null, BasisSubspace? Sector = null,
    IReadOnlyDictionary<string, double>? ReferenceMetrics = null, IReadOnlyDictionary<string, string>? Provenance = null)
{
    /// <summary>For molecules: the register excitation operators are built on.</summary>
    public ExcitationRegister? Register { get; init; }
}
