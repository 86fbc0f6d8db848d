namespace NasPlatform.Plugins.Quantum.Hardware;

/// <summary>An ordered pair of qubits: for CNOT the control first, then the target.</summary>
public readonly record struct QubitPair(int First, int Second)
{
    /// <summary>The same two qubits with the smaller first (the undirected edge).</summary>
    public QubitPair Normalized => First <= Second ? this : new QubitPair(Second, First);

    /// <inheritdoc />
    public override string ToString() => $"({First},{Second})";
}
