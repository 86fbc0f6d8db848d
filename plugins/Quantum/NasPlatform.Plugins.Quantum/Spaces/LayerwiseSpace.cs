using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Plugins.Quantum.Circuits;
using NasPlatform.Plugins.Quantum.Hardware;
using NasPlatform.Plugins.Quantum.Statistics;

namespace NasPlatform.Plugins.Quantum.Spaces;

/// <summary>
/// The layer-wise space of Zhang et al. 2021 (neural-predictor QAS): L layers; per layer and qubit a rotation
/// from a configurable set (default none, rx, ry, rz); per layer an entangler from a configurable set
/// (default none, cnot, cz) applied along the coupling map's edges in chain or ring order
/// (<see cref="CouplingMap.ChainOrder"/>, <see cref="CouplingMap.RingOrder"/>), so every two-qubit gate
/// acts on a coupled pair. Encoding: a layer × qubit × (rotations + entanglers) one-hot tensor, flattened.
/// </summary>
public sealed class LayerwiseSpace : CircuitSpace<LayerwiseArchitecture>
{
    /// <summary>Name the plugin registers the space under.</summary>
    public const string Name = "layerwise";

    /// <summary>JSON Schema of the options.</summary>
    public static readonly string OptionsSchema = $$"""
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "title": "layerwise circuit space options",
          "type": "object",
          "additionalProperties": false,
          "required": ["qubits"],
          "definitions": { "edgeList": {{CouplingMapOptions.EdgeListDefinition}} },
          "properties": {
            "qubits": { "type": "integer", "minimum": 1, "maximum": 24, "description": "Register size." },
            "layers": { "type": "integer", "minimum": 1, "maximum": 64, "default": 4, "description": "Number of layers L." },
            "coupling": {{CouplingMapOptions.Schema}},
            "rotations": {
              "type": "array", "minItems": 1, "uniqueItems": true, "items": { "enum": ["none", "rx", "ry", "rz"] },
              "default": ["none", "rx", "ry", "rz"], "description": "Rotation choices per layer and qubit."
            },
            "entanglers": {
              "type": "array", "minItems": 1, "uniqueItems": true, "items": { "enum": ["none", "cnot", "cz"] },
              "default": ["none", "cnot", "cz"], "description": "Entangler choices per layer."
            },
            "order": { "enum": ["chain", "ring"], "default": "chain", "description": "Edge order of the entanglers: a spanning chain, or every coupled pair (closing a ring)." },
            "statisticsSamples": { "type": "integer", "minimum": 2, "maximum": 4096, "default": {{CircuitStatistics.DefaultSamples}}, "description": "Random states sampled for expressibility and entangling capability." }
          }
        }
        """;

    private readonly string[] _rotations;
    private readonly string[] _entanglers;

    public LayerwiseSpace(CouplingMap coupling, int layers, IReadOnlyList<string> rotations, IReadOnlyList<string> entanglers, bool ring = false, int statisticsSamples = CircuitStatistics.DefaultSamples)
        : base(coupling, statisticsSamples, LayerwiseArchitecture.SpaceKey, "layer-wise")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(layers, 1);
        if (rotations.Count == 0 || entanglers.Count == 0)
        {
            throw new ArgumentException("At least one rotation and one entangler choice are needed.");
        }

        Layers = layers;
        _rotations = [.. rotations];
        _entanglers = [.. entanglers];
        Edges = ring ? coupling.RingOrder : coupling.ChainOrder;
    }

    /// <summary>Number of layers.</summary>
    public int Layers { get; }

    /// <summary>The entangler pairs, in order.</summary>
    public IReadOnlyList<QubitPair> Edges { get; }

    /// <inheritdoc />
    public override int EncodingLength => Layers * Qubits * (_rotations.Length + _entanglers.Length);

    /// <summary>Builds the space from validated options.</summary>
    public static LayerwiseSpace Create(ComponentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.Options;
        var qubits = options.Value<int>("qubits");
        var coupling = CouplingMapOptions.Parse(options["coupling"], qubits, context);
        return new LayerwiseSpace(
            coupling,
            options.Value<int?>("layers") ?? 4,
            (options["rotations"] as JArray)?.Select(t => (string)t!).ToArray() ?? [LayerwiseArchitecture.None, .. AnsatzGate.Rotations],
            (options["entanglers"] as JArray)?.Select(t => (string)t!).ToArray() ?? [LayerwiseArchitecture.None, .. AnsatzGate.Entanglers],
            options.Value<string>("order") == "ring",
            options.Value<int?>("statisticsSamples") ?? CircuitStatistics.DefaultSamples);
    }

    /// <inheritdoc />
    public override Candidate Sample(Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var layers = new LayerwiseLayer[Layers];
        for (var l = 0; l < Layers; l++)
        {
            var rotations = new string[Qubits];
            for (var q = 0; q < Qubits; q++)
            {
                rotations[q] = _rotations[rng.Next(_rotations.Length)];
            }

            layers[l] = new LayerwiseLayer(rotations, _entanglers[rng.Next(_entanglers.Length)]);
        }

        return new LayerwiseArchitecture(Qubits, Edges, layers).ToCandidate();
    }

    /// <summary>Changes one rotation or one entangler to another choice.</summary>
    public override Candidate Mutate(Candidate parent, Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var architecture = Read(parent);
        var layers = architecture.Layers.Select(l => new LayerwiseLayer(l.Rotations.ToArray(), l.Entangler)).ToArray();
        var rotationSlots = _rotations.Length > 1 ? Layers * Qubits : 0;
        var entanglerSlots = _entanglers.Length > 1 ? Layers : 0;
        if (rotationSlots + entanglerSlots == 0)
        {
            // A space of one candidate has no neighbour.
            return parent;
        }

        var slot = rng.Next(rotationSlots + entanglerSlots);
        if (slot < rotationSlots)
        {
            var (l, q) = (slot / Qubits, slot % Qubits);
            var rotations = (string[])layers[l].Rotations;
            rotations[q] = OtherThan(_rotations, rotations[q], rng);
        }
        else
        {
            var l = slot - rotationSlots;
            layers[l] = layers[l] with { Entangler = OtherThan(_entanglers, layers[l].Entangler, rng) };
        }

        return new LayerwiseArchitecture(Qubits, Edges, layers).ToCandidate();
    }

    /// <summary>Takes each layer whole from one parent or the other.</summary>
    public override Candidate Crossover(Candidate first, Candidate second, Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var a = Read(first);
        var b = Read(second);
        var layers = new LayerwiseLayer[Layers];
        for (var l = 0; l < Layers; l++)
        {
            layers[l] = rng.Next(2) == 0 ? a.Layers[l] : b.Layers[l];
        }

        return new LayerwiseArchitecture(Qubits, Edges, layers).ToCandidate();
    }

    /// <inheritdoc />
    protected override (LayerwiseArchitecture? Architecture, List<string> Problems) TryRead(JObject json) => LayerwiseArchitecture.TryRead(json);

    /// <inheritdoc />
    protected override void CheckChoices(LayerwiseArchitecture architecture, List<string> problems)
    {
        if (architecture.Layers.Count != Layers)
        {
            problems.Add($"the candidate has {architecture.Layers.Count} layers but this space has {Layers}");
        }

        if (!architecture.Edges.SequenceEqual(Edges))
        {
            problems.Add($"the candidate's edges {string.Join(" ", architecture.Edges)} differ from this space's entangler order {string.Join(" ", Edges)}");
        }

        for (var l = 0; l < architecture.Layers.Count; l++)
        {
            var layer = architecture.Layers[l];
            foreach (var rotation in layer.Rotations.Where(r => !_rotations.Contains(r)).Distinct())
            {
                problems.Add($"layers[{l}] uses rotation \"{rotation}\", which this space does not offer ({string.Join(", ", _rotations)})");
            }

            if (!_entanglers.Contains(layer.Entangler))
            {
                problems.Add($"layers[{l}] uses entangler \"{layer.Entangler}\", which this space does not offer ({string.Join(", ", _entanglers)})");
            }
        }

    }

    /// <summary>Per layer and qubit: the rotation one-hot, then the layer's entangler one-hot (its "none" slot for qubits the entangler does not touch).</summary>
    public override double[] Encode(Candidate candidate)
    {
        var architecture = Read(candidate);
        var width = _rotations.Length + _entanglers.Length;
        var features = new double[EncodingLength];
        var noneEntangler = Array.IndexOf(_entanglers, LayerwiseArchitecture.None);
        for (var l = 0; l < Layers; l++)
        {
            var layer = architecture.Layers[l];
            var touched = layer.Entangler == LayerwiseArchitecture.None
                ? new HashSet<int>()
                : Edges.SelectMany(e => new[] { e.First, e.Second }).ToHashSet();
            for (var q = 0; q < Qubits; q++)
            {
                var offset = (l * Qubits + q) * width;
                features[offset + Array.IndexOf(_rotations, layer.Rotations[q])] = 1;
                var entangler = touched.Contains(q) ? Array.IndexOf(_entanglers, layer.Entangler) : noneEntangler;
                if (entangler >= 0)
                {
                    features[offset + _rotations.Length + entangler] = 1;
                }
            }
        }

        return features;
    }

    private static string OtherThan(string[] choices, string current, Random rng)
    {
        var others = choices.Where(c => c != current).ToArray();
        return others[rng.Next(others.Length)];
    }
}
