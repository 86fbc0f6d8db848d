using NasPlatform.Plugins.Quantum.Training;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Plugins.Quantum.Tasks.Vqe;

/// <summary>E(θ) = ⟨ψ₀|U(θ)† H U(θ)|ψ₀⟩ with its adjoint gradient; one workspace per objective (one per Fit call), in the task's precision.</summary>
internal sealed class VqeObjective : IDifferentiableObjective
{
    private readonly Circuit _ansatz;
    private readonly PauliSum _hamiltonian;
    private readonly StateVector? _initialState;
    private readonly AdjointGradient _gradient;

    public VqeObjective(Circuit ansatz, PauliSum hamiltonian, StateVector? initialState, Precision precision = Precision.Double)
    {
        _ansatz = ansatz;
        _hamiltonian = hamiltonian;
        _initialState = initialState;
        _gradient = new AdjointGradient(ansatz.NumQubits, precision);
    }

    public int Dimension => _ansatz.ParameterCount;

    public double Evaluate(ReadOnlySpan<double> parameters, Span<double> gradient) =>
        _gradient.Evaluate(_ansatz, parameters, _hamiltonian, gradient, _initialState);
}
