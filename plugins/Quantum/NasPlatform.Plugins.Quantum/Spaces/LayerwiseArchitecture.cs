using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Plugins.Quantum.Circuits;
using NasPlatform.Plugins.Quantum.Hardware;

namespace NasPlatform.Plugins.Quantum.Spaces;

/// <summary>
/// A layer-wise circuit (Zhang et al. 2021): layers of per-qubit rotations, each followed by an entangler
/// pattern along a fixed, ordered list of coupled pairs. Its candidate JSON is self-contained, so an
/// evaluator can rebuild the circuit without the space:
/// <c>{"space":"layerwise","qubits":4,"edges":[[0,1],[1,2],[2,3]],"layers":[{"entangler":"cnot","rotations":["ry","ry","none","rx"]}]}</c>.
/// </summary>
public sealed class LayerwiseArchitecture : ICircuitArchitecture
{
    /// <summary>The value of the candidate's "space" key.</summary>
    public const string SpaceKey = "layerwise";

    /// <summary>The "no gate" choice, for rotations and entanglers.</summary>
    public const string None = "none";

    public LayerwiseArchitecture(int qubits, IReadOnlyList<QubitPair> edges, IReadOnlyList<LayerwiseLayer> layers)
    {
        Qubits = qubits;
        Edges = edges;
        Layers = layers;
    }

    /// <summary>Register size.</summary>
    public int Qubits { get; }

    /// <summary>The entangler pairs in order (control first for CNOT).</summary>
    public IReadOnlyList<QubitPair> Edges { get; }

    /// <summary>The layers.</summary>
    public IReadOnlyList<LayerwiseLayer> Layers { get; }

    /// <summary>The canonical candidate.</summary>
    public Candidate ToCandidate() => Candidate.From(new JObject
    {
        ["space"] = SpaceKey,
        ["qubits"] = Qubits,
        ["edges"] = new JArray(Edges.Select(e => new JArray(e.First, e.Second))),
        ["layers"] = new JArray(Layers.Select(l => new JObject
        {
            ["rotations"] = new JArray(l.Rotations),
            ["entangler"] = l.Entangler,
        })),
    });

    /// <summary>The gate list: per layer the rotations in qubit order, then the entangler along the edges.</summary>
    public AnsatzCircuit ToAnsatz()
    {
        var gates = new List<AnsatzGate>();
        foreach (var layer in Layers)
        {
            for (var q = 0; q < layer.Rotations.Count; q++)
            {
                if (layer.Rotations[q] != None)
                {
                    gates.Add(new AnsatzGate(layer.Rotations[q], q));
                }
            }

            if (layer.Entangler != None)
            {
                gates.AddRange(Edges.Select(e => new AnsatzGate(layer.Entangler, e.First, e.Second)));
            }
        }

        return new AnsatzCircuit(Qubits, gates);
    }

    /// <summary>Reads a layer-wise candidate, or lists what is wrong with its JSON.</summary>
    public static (LayerwiseArchitecture? Architecture, List<string> Problems) TryRead(JObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var problems = new List<string>();
        foreach (var extra in json.Properties().Where(p => p.Name is not ("space" or "qubits" or "edges" or "layers")))
        {
            problems.Add($"unexpected property '{extra.Name}'; a layer-wise candidate has space, qubits, edges and layers");
        }

        if (json["qubits"] is not { Type: JTokenType.Integer } qubitsToken || (int)qubitsToken is < 1 or > 30)
        {
            problems.Add("'qubits' must be an integer from 1 to 30");
            return (null, problems);
        }

        var qubits = (int)qubitsToken;
        var edges = new List<QubitPair>();
        if (json["edges"] is not JArray edgeArray)
        {
            problems.Add("'edges' must be an array of qubit pairs like [[0,1],[1,2]]");
        }
        else
        {
            for (var i = 0; i < edgeArray.Count; i++)
            {
                if (edgeArray[i] is JArray { Count: 2 } pair && pair[0].Type == JTokenType.Integer && pair[1].Type == JTokenType.Integer
                    && (int)pair[0] is var a && (int)pair[1] is var b && a >= 0 && b >= 0 && a < qubits && b < qubits && a != b)
                {
                    edges.Add(new QubitPair(a, b));
                }
                else
                {
                    problems.Add($"edges[{i}] must be a pair of two different qubits in 0..{qubits - 1}");
                }
            }
        }

        var layers = new List<LayerwiseLayer>();
        if (json["layers"] is not JArray layerArray)
        {
            problems.Add("'layers' must be an array of {\"rotations\": [...], \"entangler\": ...}");
            return (null, problems);
        }

        for (var l = 0; l < layerArray.Count; l++)
        {
            if (layerArray[l] is not JObject layer || layer["rotations"] is not JArray rotations || layer["entangler"] is not { Type: JTokenType.String } entangler)
            {
                problems.Add($"layers[{l}] must be {{\"rotations\": [one per qubit], \"entangler\": \"none\"|\"cnot\"|\"cz\"}}");
                continue;
            }

            if (rotations.Count != qubits)
            {
                problems.Add($"layers[{l}].rotations has {rotations.Count} entries but the circuit has {qubits} qubits");
            }

            var names = rotations.Select(r => r.Type == JTokenType.String ? (string)r! : string.Empty).ToList();
            foreach (var bad in names.Where(n => n != None && !AnsatzGate.Rotations.Contains(n)).Distinct())
            {
                problems.Add($"layers[{l}].rotations: \"{bad}\" is not one of none, {string.Join(", ", AnsatzGate.Rotations)}");
            }

            var entanglerName = (string)entangler!;
            if (entanglerName != None && !AnsatzGate.Entanglers.Contains(entanglerName))
            {
                problems.Add($"layers[{l}].entangler: \"{entanglerName}\" is not one of none, {string.Join(", ", AnsatzGate.Entanglers)}");
            }

            if (layer.Properties().Any(p => p.Name is not ("rotations" or "entangler")))
            {
                problems.Add($"layers[{l}] has properties other than rotations and entangler");
            }

            layers.Add(new LayerwiseLayer(names, entanglerName));
        }

        return (problems.Count == 0 ? new LayerwiseArchitecture(qubits, edges, layers) : null, problems);
    }
}
