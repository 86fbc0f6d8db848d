using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Plugins.Quantum.Circuits;
using NasPlatform.Plugins.Quantum.Hardware;
using NasPlatform.Plugins.Quantum.Statistics;

namespace NasPlatform.Plugins.Quantum.Spaces;

/// <summary>
/// The gate-wise space: a sequence of minGates to maxGates gates from a pool of rotations on any qubit
/// and entanglers on coupled pairs (CNOT in either direction). Encoding: a gate-slot × qubit × role
/// one-hot tensor (roles: each rotation, cnot control, cnot target, cz), flattened; unused slots are zero.
/// </summary>
public sealed class GatewiseSpace : CircuitSpace<GatewiseArchitecture>
{
    /// <summary>Name the plugin registers the space under.</summary>
    public const string Name = "gatewise";

    /// <summary>JSON Schema of the options.</summary>
    public static readonly string OptionsSchema = $$"""
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "title": "gatewise circuit space options",
          "type": "object",
          "additionalProperties": false,
          "required": ["qubits"],
          "definitions": { "edgeList": {{CouplingMapOptions.EdgeListDefinition}} },
          "properties": {
            "qubits": { "type": "integer", "minimum": 1, "maximum": 24, "description": "Register size." },
            "maxGates": { "type": "integer", "minimum": 1, "maximum": 1024, "default": 32, "description": "Most gates in a circuit (G)." },
            "minGates": { "type": "integer", "minimum": 1, "maximum": 1024, "default": 1, "description": "Fewest gates in a circuit." },
            "coupling": {{CouplingMapOptions.Schema}},
            "rotations": { "type": "array", "minItems": 1, "uniqueItems": true, "items": { "enum": ["rx", "ry", "rz"] }, "default": ["rx", "ry", "rz"], "description": "Rotations in the pool." },
            "entanglers": { "type": "array", "uniqueItems": true, "items": { "enum": ["cnot", "cz"] }, "default": ["cnot", "cz"], "description": "Entanglers in the pool (on coupled pairs only)." },
            "twoQubitProbability": { "type": "number", "minimum": 0, "maximum": 1, "default": 0.3, "description": "Chance that a sampled gate is an entangler." },
            "statisticsSamples": { "type": "integer", "minimum": 2, "maximum": 4096, "default": {{CircuitStatistics.DefaultSamples}}, "description": "Random states sampled for expressibility and entangling capability." }
          }
        }
        """;

    private readonly string[] _rotations;
    private readonly string[] _entanglers;
    private readonly string[] _roles;

    public GatewiseSpace(CouplingMap coupling, int maxGates, int minGates, IReadOnlyList<string> rotations, IReadOnlyList<string> entanglers, double twoQubitProbability = 0.3, int statisticsSamples = CircuitStatistics.DefaultSamples)
        : base(coupling, statisticsSamples, GatewiseArchitecture.SpaceKey, "gate-wise")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minGates, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxGates, minGates);
        if (rotations.Count == 0)
        {
            throw new ArgumentException("The gate pool needs at least one rotation.", nameof(rotations));
        }

        MaxGates = maxGates;
        MinGates = minGates;
        _rotations = [.. rotations];
        // Without a coupled pair (one qubit) entanglers cannot be placed.
        _entanglers = coupling.Edges.Count == 0 ? [] : [.. entanglers];
        TwoQubitProbability = _entanglers.Length == 0 ? 0 : twoQubitProbability;
        _roles = [.. _rotations, .. _entanglers.SelectMany(e => e == "cnot" ? new[] { "cnot-control", "cnot-target" } : [e])];
    }

    /// <summary>Most gates.</summary>
    public int MaxGates { get; }

    /// <summary>Fewest gates.</summary>
    public int MinGates { get; }

    /// <summary>Chance that a sampled gate is an entangler.</summary>
    public double TwoQubitProbability { get; }

    /// <inheritdoc />
    public override int EncodingLength => MaxGates * Qubits * _roles.Length;

    /// <summary>Builds the space from validated options.</summary>
    /// <exception cref="ComponentConfigurationException">minGates exceeds maxGates, or the coupling map is unusable.</exception>
    public static GatewiseSpace Create(ComponentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.Options;
        var qubits = options.Value<int>("qubits");
        var maxGates = options.Value<int?>("maxGates") ?? 32;
        var minGates = options.Value<int?>("minGates") ?? 1;
        if (minGates > maxGates)
        {
            throw new ComponentConfigurationException("minGates", $"minGates ({minGates}) exceeds maxGates ({maxGates}); lower minGates or raise maxGates.");
        }

        var coupling = CouplingMapOptions.Parse(options["coupling"], qubits, context);
        return new GatewiseSpace(
            coupling,
            maxGates,
            minGates,
            (options["rotations"] as JArray)?.Select(t => (string)t!).ToArray() ?? [.. AnsatzGate.Rotations],
            (options["entanglers"] as JArray)?.Select(t => (string)t!).ToArray() ?? [.. AnsatzGate.Entanglers],
            options.Value<double?>("twoQubitProbability") ?? 0.3,
            options.Value<int?>("statisticsSamples") ?? CircuitStatistics.DefaultSamples);
    }

    /// <inheritdoc />
    public override Candidate Sample(Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var count = MinGates + rng.Next(MaxGates - MinGates + 1);
        var gates = new AnsatzGate[count];
        for (var i = 0; i < count; i++)
        {
            gates[i] = RandomGate(rng);
        }

        return new GatewiseArchitecture(Qubits, gates).ToCandidate();
    }

    /// <summary>Replaces, inserts or deletes one gate (within the length bounds).</summary>
    public override Candidate Mutate(Candidate parent, Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var gates = Read(parent).Gates.ToList();
        var moves = new List<int> { 0 };
        if (gates.Count < MaxGates)
        {
            moves.Add(1);
        }

        if (gates.Count > MinGates)
        {
            moves.Add(2);
        }

        switch (moves[rng.Next(moves.Count)])
        {
            case 1:
                gates.Insert(rng.Next(gates.Count + 1), RandomGate(rng));
                break;
            case 2:
                gates.RemoveAt(rng.Next(gates.Count));
                break;
            default:
                var position = rng.Next(gates.Count);
                var old = gates[position];
                // The pool has at least two distinct gates unless it is one rotation on one qubit.
                for (var attempt = 0; attempt < 64 && gates[position] == old; attempt++)
                {
                    gates[position] = RandomGate(rng);
                }

                break;
        }

        return new GatewiseArchitecture(Qubits, gates).ToCandidate();
    }

    /// <summary>One-point crossover: a prefix of the first parent, then a suffix of the second, clipped to the length bounds.</summary>
    public override Candidate Crossover(Candidate first, Candidate second, Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var a = Read(first).Gates;
        var b = Read(second).Gates;
        var cutA = rng.Next(a.Count + 1);
        var cutB = rng.Next(b.Count + 1);
        var child = a.Take(cutA).Concat(b.Skip(cutB)).Take(MaxGates).ToList();
        // Too short: top up from the first parent's remaining gates, which keeps the child made of parental gates.
        for (var i = cutA; child.Count < MinGates && i < a.Count; i++)
        {
            child.Add(a[i]);
        }

        return new GatewiseArchitecture(Qubits, child).ToCandidate();
    }

    /// <inheritdoc />
    protected override (GatewiseArchitecture? Architecture, List<string> Problems) TryRead(JObject json) => GatewiseArchitecture.TryRead(json);

    /// <inheritdoc />
    protected override void CheckChoices(GatewiseArchitecture architecture, List<string> problems)
    {
        if (architecture.Gates.Count < MinGates || architecture.Gates.Count > MaxGates)
        {
            problems.Add($"the candidate has {architecture.Gates.Count} gates; this space allows {MinGates} to {MaxGates}");
        }

        foreach (var name in architecture.Gates.Select(g => g.Name).Where(n => !_rotations.Contains(n) && !_entanglers.Contains(n)).Distinct())
        {
            problems.Add($"gate \"{name}\" is not in this space's pool ({string.Join(", ", _rotations.Concat(_entanglers))})");
        }

    }

    /// <inheritdoc />
    public override double[] Encode(Candidate candidate)
    {
        var gates = Read(candidate).Gates;
        var features = new double[EncodingLength];
        for (var slot = 0; slot < gates.Count; slot++)
        {
            var gate = gates[slot];
            var offset = slot * Qubits * _roles.Length;
            if (gate.Name == "cnot")
            {
                features[offset + gate.Qubit0 * _roles.Length + Array.IndexOf(_roles, "cnot-control")] = 1;
                features[offset + gate.Qubit1 * _roles.Length + Array.IndexOf(_roles, "cnot-target")] = 1;
            }
            else
            {
                var role = Array.IndexOf(_roles, gate.Name);
                features[offset + gate.Qubit0 * _roles.Length + role] = 1;
                if (gate.IsTwoQubit)
                {
                    features[offset + gate.Qubit1 * _roles.Length + role] = 1;
                }
            }
        }

        return features;
    }

    private AnsatzGate RandomGate(Random rng)
    {
        if (_entanglers.Length > 0 && rng.NextDouble() < TwoQubitProbability)
        {
            var edge = Coupling.Edges[rng.Next(Coupling.Edges.Count)];
            var name = _entanglers[rng.Next(_entanglers.Length)];
            // CNOT has a direction; CZ is symmetric and stored with the smaller qubit first.
            return name == "cnot" && rng.Next(2) == 1
                ? new AnsatzGate(name, edge.Second, edge.First)
                : new AnsatzGate(name, edge.First, edge.Second);
        }

        return new AnsatzGate(_rotations[rng.Next(_rotations.Length)], rng.Next(Qubits));
    }
}
