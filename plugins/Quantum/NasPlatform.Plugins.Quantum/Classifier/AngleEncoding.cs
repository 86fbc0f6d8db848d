using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Plugins.Quantum.Classifier;

/// <summary>
/// Angle encoding: feature i rotates qubit i from |0⟩ (RY by default, or RX), a product state that carries
/// no trainable parameters. One feature per qubit.
/// </summary>
public sealed class AngleEncoding
{
    private readonly FusedCircuit _plan;

    public AngleEncoding(int qubits, GateKind rotation = GateKind.RY)
    {
        if (rotation is not (GateKind.RX or GateKind.RY))
        {
            throw new ArgumentException($"Angle encoding rotates by RX or RY, not {rotation}.", nameof(rotation));
        }

        Rotation = rotation;
        var circuit = new Circuit(qubits);
        for (var q = 0; q < qubits; q++)
        {
            circuit.Add(rotation, q, Angle.Parameter(q));
        }

        Circuit = circuit;
        _plan = circuit.Fuse();
    }

    public GateKind Rotation { get; }

    public int Qubits => Circuit.NumQubits;

    /// <summary>The encoding as a circuit whose parameter i is feature i (used for export).</summary>
    public Circuit Circuit { get; }

    /// <summary>Parses "ry" or "rx" (case-insensitive).</summary>
    public static GateKind ParseRotation(string text) => text.Trim().ToLowerInvariant() switch
    {
        "ry" => GateKind.RY,
        "rx" => GateKind.RX,
        _ => throw new ArgumentException($"Unknown encoding '{text}': use \"ry\" or \"rx\"."),
    };

    /// <summary>Sets <paramref name="state"/> to the encoding of <paramref name="features"/>.</summary>
    public void Encode(ReadOnlySpan<double> features, StateVector state)
    {
        if (features.Length != Qubits)
        {
            throw new ArgumentException($"Angle encoding on {Qubits} qubits needs {Qubits} features, got {features.Length}.", nameof(features));
        }

        state.Reset();
        _plan.Apply(state, features);
    }
}
