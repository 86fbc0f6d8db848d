using NasPlatform.Quantum.Chemistry.Ansatz;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Plugins.Quantum.Tasks.Vqe;

/// <summary>A Hamiltonian to find the ground state of, on a register, from an initial basis state.</summary>
/// <param name="Hamiltonian">The Pauli sum.</param>
/// <param name="NumQubits">Register size.</param>
/// <param name="InitialState">Basis string the circuit starts from (qubit 0 first), or null for |0…0⟩.</param>
/// <param name="Description">For messages and listings, e.g. "tfim n=8 J=1 h=1 open".</param>
/// <param name="Sector">
/// For molecules: the span of the basis states with the molecule's electron counts. The exact energy
/// and ground-state fidelity are those of this sector (null: of the whole register).
/// </param>
/// <param name="HartreeFockState">The Hartree–Fock determinant as a basis string, when the problem has one.</param>
/// <param name="ReferenceMetrics">Constant metrics every trial reports beside its own (hf_energy, psi4's scf_energy and fci_energy).</param>
/// <param name="Provenance">Where the Hamiltonian came from (psi4 version, input hash, FCIDUMP path…), recorded in each trial's parameters.json.</param>
public sealed record VqeProblem(
    PauliSum Hamiltonian, int NumQubits, string? InitialState, string Description,
    BasisSubspace? Sector = null, string? HartreeFockState = null,
    IReadOnlyDictionary<string, double>? ReferenceMetrics = null,
    IReadOnlyDictionary<string, string>? Provenance = null)
{
    /// <summary>For molecules: orbitals, electrons, mapping and tapering, which excitation operators are built on; else null.</summary>
    public ExcitationRegister? Register { get; init; }
}
