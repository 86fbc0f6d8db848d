using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Plugins.Quantum.Tasks.Vqe;

/// <summary>A Hamiltonian to find the ground state of, on a register, from an initial basis state.</summary>
/// <param name="Hamiltonian">The Pauli sum.</param>
/// <param name="NumQubits">Register size.</param>
/// <param name="InitialState">Basis string the circuit starts from (qubit 0 first), or null for |0…0⟩.</param>
/// <param name="Description">For messages and listings, e.g. "tfim n=8 J=1 h=1 open".</param>
public sealed record VqeProblem(PauliSum Hamiltonian, int NumQubits, string? InitialState, string Description);
