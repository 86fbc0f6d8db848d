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
/// Two keys appear only when they differ from the default, so candidates without them keep their JSON and
/// hash: <c>"initialState"</c> (<see cref="InitialStates"/>; default "reference"), a layer's
/// <c>"shared": true</c> (a shared-parameter layer, <see cref="LayerwiseLayer.Shared"/>) and a layer's
/// <c>"bonds": "even"</c> or <c>"odd"</c> (<see cref="LayerwiseLayer.Bonds"/>; default all edges).
/// </summary>
public sealed class LayerwiseArchitecture : ICircuitArchitecture
{
    /// <summary>The value of the candidate's "space" key.</summary>
    public const string SpaceKey = "layerwise";

    /// <summary>The "no gate" choice, for rotations and entanglers.</summary>
    public const string None = "none";

    public LayerwiseArchitecture(int qubits, IReadOnlyList<QubitPair> edges, IReadOnlyList<LayerwiseLayer> layers, string initialState = InitialStates.Reference)
    {
        Qubits = qubits;
        Edges = edges;
        Layers = layers;
        InitialState = initialState;
    }

    /// <summary>The state the layers act on (<see cref="InitialStates"/>).</summary>
    public string InitialState { get; }

    /// <summary>Register size.</summary>
    public int Qubits { get; }

    /// <summary>The entangler pairs in order (control first for CNOT).</summary>
    public IReadOnlyList<QubitPair> Edges { get; }

    /// <summary>The layers.</summary>
    public IReadOnlyList<LayerwiseLayer> Layers { get; }

    /// <summary>The canonical candidate.</summary>
    public Candidate ToCandidate()
    {
        var json = new JObject
        {
            ["space"] = SpaceKey,
            ["qubits"] = Qubits,
            ["edges"] = new JArray(Edges.Select(e => new JArray(e.First, e.Second))),
        };
        if (InitialState != InitialStates.Reference)
        {
            json["initialState"] = InitialState;
        }

        json["layers"] = new JArray(Layers.Select(l =>
        {
            var layer = new JObject { ["rotations"] = new JArray(l.Rotations), ["entangler"] = l.Entangler };
            if (l.Shared)
            {
                layer["shared"] = true;
            }

            if (l.Bonds != LayerwiseLayer.AllBonds)
            {
                layer["bonds"] = l.Bonds;
            }

            return layer;
        }));
        return Candidate.From(json);
    }

    /// <summary>
    /// The gate list: the initial state's preparation, then per layer the rotations in qubit order and the
    /// entangler along the layer's bonds (all edges, or those at even or odd positions). In a shared layer each rotation kind is one sharing group and the
    /// entangler another.
    /// </summary>
    public AnsatzCircuit ToAnsatz()
    {
        var gates = new List<AnsatzGate>();
        for (var l = 0; l < Layers.Count; l++)
        {
            var layer = Layers[l];
            // Groups l*4 + 0..2 for the rotation kinds, l*4 + 3 for the entangler.
            for (var q = 0; q < layer.Rotations.Count; q++)
            {
                if (layer.Rotations[q] != None)
                {
                    var kind = layer.Rotations[q] switch { "rx" => 0, "ry" => 1, _ => 2 };
                    gates.Add(new AnsatzGate(layer.Rotations[q], q, -1, layer.Shared ? l * 4 + kind : -1));
                }
            }

            if (layer.Entangler != None)
            {
                gates.AddRange(layer.EdgesOf(Edges).Select(e => new AnsatzGate(layer.Entangler, e.First, e.Second, layer.Shared ? l * 4 + 3 : -1)));
            }
        }

        return new AnsatzCircuit(Qubits, gates, InitialState);
    }

    private static readonly string[] JsonProperties = ["space", "qubits", "edges", "layers", "initialState"];

    /// <summary>Reads a layer-wise candidate, or lists what is wrong with its JSON.</summary>
    public static (LayerwiseArchitecture? Architecture, List<string> Problems) TryRead(JObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var problems = new List<string>();
        CircuitJson.ReportUnexpected(json, JsonProperties, "a layer-wise candidate has space, qubits, edges, layers and optionally initialState", problems);
        var initialState = CircuitJson.ReadInitialState(json, problems);
        if (CircuitJson.ReadQubits(json, problems) is not { } qubits)
        {
            return (null, problems);
        }

        var edges = ReadEdges(json, qubits, problems);
        if (json["layers"] is not JArray layerArray)
        {
            problems.Add("'layers' must be an array of {\"rotations\": [...], \"entangler\": ...}");
            return (null, problems);
        }

        var layers = new List<LayerwiseLayer>();
        for (var l = 0; l < layerArray.Count; l++)
        {
            if (ReadLayer(layerArray[l], l, qubits, problems) is { } layer)
            {
                layers.Add(layer);
            }
        }

        return (problems.Count == 0 ? new LayerwiseArchitecture(qubits, edges, layers, initialState) : null, problems);
    }

    /// <summary>The coupled pairs; a problem for each entry that is not a pair of two different qubits of the circuit.</summary>
    private static List<QubitPair> ReadEdges(JObject json, int qubits, List<string> problems)
    {
        var edges = new List<QubitPair>();
        if (json["edges"] is not JArray edgeArray)
        {
            problems.Add("'edges' must be an array of qubit pairs like [[0,1],[1,2]]");
            return edges;
        }

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

        return edges;
    }

    /// <summary>Layer <paramref name="l"/>, or null when it is not even shaped like one; problems in its parts are listed.</summary>
    private static LayerwiseLayer? ReadLayer(JToken token, int l, int qubits, List<string> problems)
    {
        if (token is not JObject layer || layer["rotations"] is not JArray rotations || layer["entangler"] is not { Type: JTokenType.String } entangler)
        {
            problems.Add($"layers[{l}] must be {{\"rotations\": [one per qubit], \"entangler\": \"none\"|{string.Join("|", AnsatzGate.AllEntanglers.Select(e => $"\"{e}\""))}}}");
            return null;
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
        if (entanglerName != None && !AnsatzGate.AllEntanglers.Contains(entanglerName))
        {
            problems.Add($"layers[{l}].entangler: \"{entanglerName}\" is not one of none, {string.Join(", ", AnsatzGate.AllEntanglers)}");
        }

        if (layer.Properties().Any(p => p.Name is not ("rotations" or "entangler" or "shared" or "bonds")))
        {
            problems.Add($"layers[{l}] has properties other than rotations, entangler, shared and bonds");
        }

        // "shared" is written only when true, so that one layer has one JSON form (and one hash).
        var sharedToken = layer["shared"];
        if (sharedToken is not null && (sharedToken.Type != JTokenType.Boolean || !(bool)sharedToken))
        {
            problems.Add($"layers[{l}].shared must be true when present (leave it out for a layer whose gates have angles of their own)");
        }

        return new LayerwiseLayer(names, entanglerName, sharedToken is not null, ReadBonds(layer, l, problems));
    }

    /// <summary>The layer's bonds: "bonds" too is written only when not "all", for one JSON form per layer.</summary>
    private static string ReadBonds(JObject layer, int l, List<string> problems)
    {
        if (layer["bonds"] is not { } bondsToken)
        {
            return LayerwiseLayer.AllBonds;
        }

        var bonds = bondsToken.Type == JTokenType.String ? (string)bondsToken! : bondsToken.ToString();
        if (bonds is not (LayerwiseLayer.EvenBonds or LayerwiseLayer.OddBonds))
        {
            problems.Add($"layers[{l}].bonds \"{bonds}\" must be \"{LayerwiseLayer.EvenBonds}\" or \"{LayerwiseLayer.OddBonds}\" (leave it out for all edges)");
        }

        return bonds;
    }
}
