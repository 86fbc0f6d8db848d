using System.Globalization;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Plugins.Quantum.Circuits;
using NasPlatform.Plugins.Quantum.Hardware;
using NasPlatform.Plugins.Quantum.Statistics;

namespace NasPlatform.Plugins.Quantum.Spaces;

/// <summary>
/// The gate-wise space: a sequence of minGates to maxGates gates from a pool of rotations on any qubit
/// and entanglers on coupled pairs (CNOT in either direction; CZ, RZZ, RXX, RYY symmetric), optionally after an
/// initial state chosen per circuit (<see cref="InitialStates"/>, offered only when listed). Encoding: an
/// initial-state one-hot (when offered), then a gate-slot × qubit × role one-hot tensor (roles: each rotation,
/// cnot control, cnot target, each symmetric entangler), flattened; unused slots are zero.
/// </summary>
public sealed class GatewiseSpace : CircuitSpace<GatewiseArchitecture>
{
    private static readonly string[] CnotRoles = ["cnot-control", "cnot-target"];

    /// <summary>Name the plugin registers the space under.</summary>
    public const string Name = "gatewise";

    private readonly string[] _rotations;
    private readonly string[] _entanglers;
    private readonly string[] _roles;
    private readonly string[] _initialStates;

    /// <param name="coupling">The coupling map.</param>
    /// <param name="maxGates">Most gates.</param>
    /// <param name="minGates">Fewest gates.</param>
    /// <param name="rotations">Rotations in the pool.</param>
    /// <param name="entanglers">Entanglers in the pool.</param>
    /// <param name="twoQubitProbability">Chance that a sampled gate is an entangler.</param>
    /// <param name="statisticsSamples">Random states per candidate for the sampled statistics.</param>
    /// <param name="initialStates">Initial-state choices (<see cref="InitialStates"/>); default the reference only.</param>
    public GatewiseSpace(CouplingMap coupling, int maxGates, int minGates, IReadOnlyList<string> rotations, IReadOnlyList<string> entanglers, double twoQubitProbability = GatewiseSpaceOptions.DefaultTwoQubitProbability, int statisticsSamples = CircuitStatistics.DefaultSamples, IReadOnlyList<string>? initialStates = null)
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
        _roles = [.. _rotations, .. _entanglers.SelectMany(e => e == "cnot" ? CnotRoles : [e])];
        _initialStates = initialStates is { Count: > 0 } ? [.. initialStates] : [InitialStates.Reference];
        if (_initialStates.Any(s => !InitialStates.All.Contains(s)))
        {
            throw new ArgumentException($"Initial states are {string.Join(", ", InitialStates.All)}.", nameof(initialStates));
        }

        EntanglerPairs = _entanglers.Length == 0 ? [] : coupling.Edges.Select(e => e.Normalized).ToHashSet();
    }

    /// <inheritdoc />
    public override IReadOnlyCollection<QubitPair> EntanglerPairs { get; }

    /// <inheritdoc />
    public override IReadOnlyList<string> InitialStateChoices => _initialStates;

    // One initial state adds no feature and no random draw, so a space without the choice encodes and samples as before.
    private int InitialWidth => _initialStates.Length > 1 ? _initialStates.Length : 0;

    /// <summary>Most gates.</summary>
    public int MaxGates { get; }

    /// <summary>Fewest gates.</summary>
    public int MinGates { get; }

    /// <summary>Chance that a sampled gate is an entangler.</summary>
    public double TwoQubitProbability { get; }

    /// <inheritdoc />
    public override int EncodingLength => InitialWidth + MaxGates * Qubits * _roles.Length;

    /// <summary>Builds the space from its options.</summary>
    /// <exception cref="ComponentConfigurationException">minGates exceeds maxGates, or the coupling map is unusable.</exception>
    public static GatewiseSpace Create(GatewiseSpaceOptions options, ComponentContext context)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        if (options.MinGates > options.MaxGates)
        {
            throw new ComponentConfigurationException("minGates", $"minGates ({options.MinGates}) exceeds maxGates ({options.MaxGates}); lower minGates or raise maxGates.");
        }

        var coupling = CouplingMapOptions.Parse(options.Coupling, options.Qubits, context);
        return new GatewiseSpace(
            coupling,
            options.MaxGates,
            options.MinGates,
            [.. options.Rotations],
            [.. options.Entanglers],
            options.TwoQubitProbability,
            options.StatisticsSamples,
            [.. options.InitialStates])
        {
            CouplingDefaulted = options.CouplingLeftOut(),
            Cache = context.Cache,
        };
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

        var initialState = _initialStates.Length > 1 ? _initialStates[rng.Next(_initialStates.Length)] : _initialStates[0];
        return new GatewiseArchitecture(Qubits, gates, initialState).ToCandidate();
    }

    /// <summary>Replaces, inserts or deletes one gate (within the length bounds), or changes the initial state (when offered).</summary>
    public override Candidate Mutate(Candidate parent, Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var architecture = Read(parent);
        var gates = architecture.Gates.ToList();
        var initialState = architecture.InitialState;
        var moves = new List<int> { 0 };
        if (gates.Count < MaxGates)
        {
            moves.Add(1);
        }

        if (gates.Count > MinGates)
        {
            moves.Add(2);
        }

        if (_initialStates.Length > 1)
        {
            moves.Add(3);
        }

        switch (moves[rng.Next(moves.Count)])
        {
            case 1:
                gates.Insert(rng.Next(gates.Count + 1), RandomGate(rng));
                break;
            case 2:
                gates.RemoveAt(rng.Next(gates.Count));
                break;
            case 3:
                var others = _initialStates.Where(s => s != initialState).ToArray();
                initialState = others[rng.Next(others.Length)];
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

        return new GatewiseArchitecture(Qubits, gates, initialState).ToCandidate();
    }

    /// <summary>One-point crossover: a prefix of the first parent, then a suffix of the second, clipped to the length bounds; the first parent's initial state.</summary>
    public override Candidate Crossover(Candidate first, Candidate second, Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var firstArchitecture = Read(first);
        var a = firstArchitecture.Gates;
        var b = Read(second).Gates;
        var cutA = rng.Next(a.Count + 1);
        var cutB = rng.Next(b.Count + 1);
        var child = a.Take(cutA).Concat(b.Skip(cutB)).Take(MaxGates).ToList();
        // Too short: top up from the first parent's remaining gates, which keeps the child made of parental gates.
        for (var i = cutA; child.Count < MinGates && i < a.Count; i++)
        {
            child.Add(a[i]);
        }

        return new GatewiseArchitecture(Qubits, child, firstArchitecture.InitialState).ToCandidate();
    }

    /// <summary>
    /// <c>initial=neel</c> (when more than one initial state is offered), <c>gates=7</c> (when the length is
    /// searched), then one slot per possible gate, <c>gate0</c> to <c>gate{maxGates-1}</c>, holding the gate as
    /// the candidate writes it (<c>gate0=ry 0</c>, <c>gate1=cnot 0 1</c>) and empty past the candidate's last gate.
    /// </summary>
    public override IReadOnlyList<KeyValuePair<string, string>> DescribeChoices(Candidate candidate)
    {
        var architecture = Read(candidate);
        var choices = new List<KeyValuePair<string, string>>();
        if (InitialWidth > 0)
        {
            choices.Add(KeyValuePair.Create("initial", architecture.InitialState));
        }

        if (MinGates != MaxGates)
        {
            choices.Add(KeyValuePair.Create("gates", architecture.Gates.Count.ToString(CultureInfo.InvariantCulture)));
        }

        for (var i = 0; i < MaxGates; i++)
        {
            choices.Add(KeyValuePair.Create("gate" + i.ToString(CultureInfo.InvariantCulture), i < architecture.Gates.Count ? architecture.Gates[i].ToString() : string.Empty));
        }

        return choices;
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

        if (!_initialStates.Contains(architecture.InitialState))
        {
            problems.Add($"the candidate starts from \"{architecture.InitialState}\", which this space does not offer ({string.Join(", ", _initialStates)}; see \"initialStates\")");
        }

    }

    /// <inheritdoc />
    public override double[] Encode(Candidate candidate)
    {
        var architecture = Read(candidate);
        var gates = architecture.Gates;
        var features = new double[EncodingLength];
        if (InitialWidth > 0)
        {
            features[Array.IndexOf(_initialStates, architecture.InitialState)] = 1;
        }

        for (var slot = 0; slot < gates.Count; slot++)
        {
            var gate = gates[slot];
            var offset = InitialWidth + slot * Qubits * _roles.Length;
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
            // CNOT has a direction; CZ, RZZ, RXX and RYY are symmetric and stored with the smaller qubit first.
            return name == "cnot" && rng.Next(2) == 1
                ? new AnsatzGate(name, edge.Second, edge.First)
                : new AnsatzGate(name, edge.First, edge.Second);
        }

        return new AnsatzGate(_rotations[rng.Next(_rotations.Length)], rng.Next(Qubits));
    }
}
