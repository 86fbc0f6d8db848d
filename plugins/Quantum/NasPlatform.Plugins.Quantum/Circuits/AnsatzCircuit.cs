using NasPlatform.Plugins.Quantum.Hardware;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Plugins.Quantum.Circuits;

/// <summary>
/// A searched circuit as a gate list, whatever space it came from. Rotations take trainable angles
/// in gate order: the k-th rotation is parameter k.
/// </summary>
public sealed class AnsatzCircuit
{
    public AnsatzCircuit(int numQubits, IReadOnlyList<AnsatzGate> gates)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(numQubits, 1);
        ArgumentNullException.ThrowIfNull(gates);
        NumQubits = numQubits;
        Gates = gates;
    }

    /// <summary>Register size.</summary>
    public int NumQubits { get; }

    /// <summary>The gates in order.</summary>
    public IReadOnlyList<AnsatzGate> Gates { get; }

    /// <summary>Trainable angles.</summary>
    public int ParameterCount => Gates.Count(g => g.IsParameterized);

    /// <summary>Two-qubit gates.</summary>
    public int TwoQubitGateCount => Gates.Count(g => g.IsTwoQubit);

    /// <summary>The simulator circuit, with <see cref="Angle.Parameter"/> indices 0..ParameterCount-1.</summary>
    public Circuit ToCircuit()
    {
        var circuit = new Circuit(NumQubits);
        var parameter = 0;
        foreach (var gate in Gates)
        {
            _ = gate.Name switch
            {
                "rx" => circuit.RX(gate.Qubit0, Angle.Parameter(parameter++)),
                "ry" => circuit.RY(gate.Qubit0, Angle.Parameter(parameter++)),
                "rz" => circuit.RZ(gate.Qubit0, Angle.Parameter(parameter++)),
                "cnot" => circuit.CNOT(gate.Qubit0, gate.Qubit1),
                "cz" => circuit.CZ(gate.Qubit0, gate.Qubit1),
                _ => throw new InvalidOperationException($"Unknown gate '{gate.Name}'."),
            };
        }

        return circuit;
    }

    /// <summary>Problems with the gates on this register and coupling map (qubits out of range, uncoupled pairs).</summary>
    public IEnumerable<string> CheckAgainst(CouplingMap coupling)
    {
        ArgumentNullException.ThrowIfNull(coupling);
        for (var i = 0; i < Gates.Count; i++)
        {
            var gate = Gates[i];
            if (gate.Qubit0 < 0 || gate.Qubit0 >= NumQubits || (gate.IsTwoQubit && gate.Qubit1 >= NumQubits))
            {
                yield return $"gate {i} \"{gate}\" uses a qubit outside 0..{NumQubits - 1}";
            }
            else if (gate.IsTwoQubit && !coupling.AreCoupled(gate.Qubit0, gate.Qubit1))
            {
                yield return $"gate {i} \"{gate}\" acts on qubits {gate.Qubit0} and {gate.Qubit1}, which the {coupling.Kind} coupling map does not couple";
            }
        }
    }
}
