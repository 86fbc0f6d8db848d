using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Plugins.Quantum.Classifier;

/// <summary>Per-thread scratch of a <see cref="QuantumClassifier"/>: a state vector and an adjoint-gradient engine.</summary>
public sealed class ClassifierWorkspace(int qubits)
{
    public StateVector State { get; } = new(qubits);

    public AdjointGradient Adjoint { get; } = new(qubits);
}
