using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Plugins.Quantum.Circuits;

namespace NasPlatform.Plugins.Quantum.Spaces;

/// <summary>
/// A gate-wise circuit: a free sequence of rotations and entanglers. Candidate JSON:
/// <c>{"space":"gatewise","qubits":4,"gates":["ry 0","cnot 0 1","rz 1"]}</c>. CZ, RZZ, RXX and RYY are
/// symmetric, so they are stored with the smaller qubit first; CNOT keeps its control first. An
/// <c>"initialState"</c> key (<see cref="InitialStates"/>) appears only when it is not the default "reference".
/// </summary>
public sealed class GatewiseArchitecture : ICircuitArchitecture
{
    /// <summary>The value of the candidate's "space" key.</summary>
    public const string SpaceKey = "gatewise";

    public GatewiseArchitecture(int qubits, IReadOnlyList<AnsatzGate> gates, string initialState = InitialStates.Reference)
    {
        Qubits = qubits;
        Gates = gates;
        InitialState = initialState;
    }

    /// <summary>The state the gates act on (<see cref="InitialStates"/>).</summary>
    public string InitialState { get; }

    /// <summary>Register size.</summary>
    public int Qubits { get; }

    /// <summary>The gates in order.</summary>
    public IReadOnlyList<AnsatzGate> Gates { get; }

    /// <summary>The canonical candidate.</summary>
    public Candidate ToCandidate()
    {
        var json = new JObject { ["space"] = SpaceKey, ["qubits"] = Qubits };
        if (InitialState != InitialStates.Reference)
        {
            json["initialState"] = InitialState;
        }

        json["gates"] = new JArray(Gates.Select(g => g.ToString()));
        return Candidate.From(json);
    }

    /// <summary>The gate list.</summary>
    public AnsatzCircuit ToAnsatz() => new(Qubits, Gates, InitialState);

    private static readonly string[] JsonProperties = ["space", "qubits", "gates", "initialState"];

    /// <summary>Reads a gate-wise candidate, or lists what is wrong with its JSON.</summary>
    public static (GatewiseArchitecture? Architecture, List<string> Problems) TryRead(JObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var problems = new List<string>();
        CircuitJson.ReportUnexpected(json, JsonProperties, "a gate-wise candidate has space, qubits, gates and optionally initialState", problems);
        var initialState = CircuitJson.ReadInitialState(json, problems);
        if (CircuitJson.ReadQubits(json, problems) is not { } qubits)
        {
            return (null, problems);
        }

        if (json["gates"] is not JArray gateArray)
        {
            problems.Add("'gates' must be an array of gates like \"ry 0\" or \"cnot 0 1\"");
            return (null, problems);
        }

        var gates = new List<AnsatzGate>();
        for (var i = 0; i < gateArray.Count; i++)
        {
            var gate = AnsatzGate.TryParse(gateArray[i].Type == JTokenType.String ? (string)gateArray[i]! : gateArray[i].ToString(), out var problem);
            if (gate is not { } g)
            {
                problems.Add($"gates[{i}]: {problem}");
                continue;
            }

            if (g.Qubit0 >= qubits || g.Qubit1 >= qubits)
            {
                problems.Add($"gates[{i}] \"{g}\" uses a qubit outside 0..{qubits - 1}");
            }
            else if (g.IsSymmetric && g.Qubit0 > g.Qubit1)
            {
                problems.Add($"gates[{i}] \"{g}\": write {g.Name} with the smaller qubit first (\"{g.Name} {g.Qubit1} {g.Qubit0}\")");
            }

            gates.Add(g);
        }

        return (problems.Count == 0 ? new GatewiseArchitecture(qubits, gates, initialState) : null, problems);
    }
}
