using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Plugins.Quantum.Classifier;

/// <summary>
/// Per-thread scratch of a <see cref="QuantumClassifier"/>: a state vector (the encoded input, and scoring) and an
/// adjoint-gradient engine in the training precision.
/// </summary>
public sealed class ClassifierWorkspace(int qubits, Precision precision = Precision.Double)
{
    public StateVector State { get; } = new(qubits);

    public AdjointGradient Adjoint { get; } = new(qubits, precision);
}
