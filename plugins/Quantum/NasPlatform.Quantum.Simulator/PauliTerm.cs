namespace NasPlatform.Quantum.Simulator;

/// <summary>One real-weighted Pauli string of a Hamiltonian.</summary>
public readonly record struct PauliTerm(double Coefficient, PauliString Pauli);
