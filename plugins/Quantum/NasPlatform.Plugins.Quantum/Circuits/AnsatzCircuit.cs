using NasPlatform.Plugins.Quantum.Hardware;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Plugins.Quantum.Circuits;

/// <summary>
/// A searched circuit as a gate list, whatever space it came from, after a fixed preparation of its
/// <see cref="InitialState"/>. Parameterized gates take trainable angles in gate order: each gate of
/// sharing group −1 gets the next parameter; the gates of one group (≥ 0) share the parameter handed out
/// at the group's first gate.
/// </summary>
public sealed class AnsatzCircuit
{
    private readonly int[] _parameterOfGate;

    /// <param name="numQubits">Register size.</param>
    /// <param name="gates">The gates in order.</param>
    /// <param name="initialState">One of <see cref="InitialStates.All"/>; prepared before the gates.</param>
    public AnsatzCircuit(int numQubits, IReadOnlyList<AnsatzGate> gates, string initialState = InitialStates.Reference)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(numQubits, 1);
        ArgumentNullException.ThrowIfNull(gates);
        if (!InitialStates.All.Contains(initialState))
        {
            throw new ArgumentException($"Unknown initial state \"{initialState}\"; use one of {string.Join(", ", InitialStates.All)}.", nameof(initialState));
        }

        NumQubits = numQubits;
        Gates = gates;
        InitialState = initialState;
        (_parameterOfGate, ParameterCount) = AssignParameters(gates);
    }

    /// <summary>Register size.</summary>
    public int NumQubits { get; }

    /// <summary>The gates in order.</summary>
    public IReadOnlyList<AnsatzGate> Gates { get; }

    /// <summary>The state the gates act on (<see cref="InitialStates"/>).</summary>
    public string InitialState { get; }

    /// <summary>Trainable angles (a shared angle counts once).</summary>
    public int ParameterCount { get; }

    /// <summary>Two-qubit gates.</summary>
    public int TwoQubitGateCount => Gates.Count(g => g.IsTwoQubit);

    /// <summary>CNOTs after decomposing every two-qubit gate (<see cref="AnsatzGate.CnotCost"/>).</summary>
    public int CnotCount => Gates.Sum(g => g.CnotCost);

    /// <summary>
    /// Circuit depth: the longest chain of gates sharing a qubit, the preparation (H or X gates) included;
    /// an XY or exchange gate counts once although it runs as RXX then RYY (then RZZ).
    /// </summary>
    public int Depth
    {
        get
        {
            // The preparation's own gates (H on every qubit for plus, X on the odd qubits for neel, X H X CNOT per dimer).
            var preparation = new Circuit(NumQubits);
            InitialStates.Prepare(InitialState, preparation);
            var level = new int[NumQubits];
            foreach (var op in preparation.Ops)
            {
                var next = (op.Arity == 2 ? Math.Max(level[op.Qubit0], level[op.Qubit1]) : level[op.Qubit0]) + 1;
                level[op.Qubit0] = next;
                if (op.Arity == 2)
                {
                    level[op.Qubit1] = next;
                }
            }

            foreach (var gate in Gates)
            {
                var next = (gate.IsTwoQubit ? Math.Max(level[gate.Qubit0], level[gate.Qubit1]) : level[gate.Qubit0]) + 1;
                level[gate.Qubit0] = next;
                if (gate.IsTwoQubit)
                {
                    level[gate.Qubit1] = next;
                }
            }

            return level.Max();
        }
    }

    /// <summary>The parameter index of gate <paramref name="gate"/>, or −1 for a gate without an angle.</summary>
    public int ParameterOf(int gate) => _parameterOfGate[gate];

    /// <summary>The simulator circuit: the preparation, then the gates, with <see cref="Angle.Parameter"/> indices 0..ParameterCount-1.</summary>
    public Circuit ToCircuit()
    {
        var circuit = new Circuit(NumQubits);
        InitialStates.Prepare(InitialState, circuit);
        for (var i = 0; i < Gates.Count; i++)
        {
            var gate = Gates[i];
            var angle = _parameterOfGate[i] >= 0 ? Angle.Parameter(_parameterOfGate[i]) : default;
            _ = gate.Name switch
            {
                "rx" => circuit.RX(gate.Qubit0, angle),
                "ry" => circuit.RY(gate.Qubit0, angle),
                "rz" => circuit.RZ(gate.Qubit0, angle),
                "cnot" => circuit.CNOT(gate.Qubit0, gate.Qubit1),
                "cz" => circuit.CZ(gate.Qubit0, gate.Qubit1),
                "rzz" => circuit.RZZ(gate.Qubit0, gate.Qubit1, angle),
                "rxx" => circuit.RXX(gate.Qubit0, gate.Qubit1, angle),
                "ryy" => circuit.RYY(gate.Qubit0, gate.Qubit1, angle),
                "xy" => circuit.RXX(gate.Qubit0, gate.Qubit1, angle).RYY(gate.Qubit0, gate.Qubit1, angle),
                "exchange" => circuit.RXX(gate.Qubit0, gate.Qubit1, angle).RYY(gate.Qubit0, gate.Qubit1, angle).RZZ(gate.Qubit0, gate.Qubit1, angle),
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

    private static (int[] ParameterOfGate, int Count) AssignParameters(IReadOnlyList<AnsatzGate> gates)
    {
        var parameterOfGate = new int[gates.Count];
        var ofGroup = new Dictionary<int, int>();
        var count = 0;
        for (var i = 0; i < gates.Count; i++)
        {
            var gate = gates[i];
            if (!gate.IsParameterized)
            {
                parameterOfGate[i] = -1;
            }
            else if (gate.Group < 0)
            {
                parameterOfGate[i] = count++;
            }
            else if (ofGroup.TryGetValue(gate.Group, out var shared))
            {
                parameterOfGate[i] = shared;
            }
            else
            {
                parameterOfGate[i] = ofGroup[gate.Group] = count++;
            }
        }

        return (parameterOfGate, count);
    }
}
