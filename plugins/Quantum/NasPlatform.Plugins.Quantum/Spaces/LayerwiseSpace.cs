using System.Globalization;
using System.Text.Json;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Abstractions.Spaces;
using NasPlatform.Plugins.Quantum.Circuits;
using NasPlatform.Plugins.Quantum.Hardware;
using NasPlatform.Plugins.Quantum.Statistics;

namespace NasPlatform.Plugins.Quantum.Spaces;

/// <summary>
/// The layer-wise space of Zhang et al. 2021 (neural-predictor QAS): L layers; per layer and qubit a rotation
/// from a configurable set (default none, rx, ry, rz); per layer an entangler from a configurable set
/// (default none, cnot, cz; also rzz, rxx, ryy) applied along the coupling map's edges in chain or ring order
/// (<see cref="CouplingMap.ChainOrder"/>, <see cref="CouplingMap.RingOrder"/>), so every two-qubit gate
/// acts on a coupled pair. Optional choices (each offered only when listed, so the defaults keep the original
/// space): per layer whether its angles are shared (a Hamiltonian-variational layer, <see cref="LayerwiseLayer.Shared"/>),
/// per layer which bonds its entangler acts on (all edges, or the even or odd ones: a brick wall,
/// <see cref="LayerwiseLayer.Bonds"/>), and per circuit an initial state (<see cref="InitialStates"/>). Encoding: an
/// initial-state one-hot (when offered), then a layer × qubit × (rotations + entanglers [+ sharing] [+ bonds])
/// one-hot tensor, flattened.
/// </summary>
public sealed partial class LayerwiseSpace : CircuitSpace<LayerwiseArchitecture>, ICandidateTransfer
{
    /// <summary>Name the plugin registers the space under.</summary>
    public const string Name = "layerwise";

    /// <summary>The sharing choice of a layer whose gates have angles of their own.</summary>
    public const string Independent = "independent";

    /// <summary>The sharing choice of a shared-parameter layer.</summary>
    public const string SharedChoice = "shared";

    private readonly string[] _rotations;
    private readonly string[] _entanglers;
    private readonly string[] _sharing;
    private readonly string[] _initialStates;
    private readonly string[] _bonds;

    /// <param name="coupling">The coupling map.</param>
    /// <param name="layers">Number of layers.</param>
    /// <param name="rotations">Rotation choices ("none", "rx", "ry", "rz").</param>
    /// <param name="entanglers">Entangler choices ("none", "cnot", "cz", "rzz", "rxx", "ryy").</param>
    /// <param name="ring">Entanglers along every coupled pair (<see cref="CouplingMap.RingOrder"/>) rather than a spanning chain.</param>
    /// <param name="statisticsSamples">Random states per candidate for the sampled statistics.</param>
    /// <param name="sharing">Sharing choices per layer ("independent", "shared"); default independent only.</param>
    /// <param name="initialStates">Initial-state choices (<see cref="InitialStates"/>); default the reference only.</param>
    /// <param name="bonds">Bond-pattern choices per layer ("all", "even", "odd"; <see cref="LayerwiseLayer.Bonds"/>); default all only.</param>
    public LayerwiseSpace(
        CouplingMap coupling,
        int layers,
        IReadOnlyList<string> rotations,
        IReadOnlyList<string> entanglers,
        bool ring = false,
        int statisticsSamples = CircuitStatistics.DefaultSamples,
        IReadOnlyList<string>? sharing = null,
        IReadOnlyList<string>? initialStates = null,
        IReadOnlyList<string>? bonds = null)
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
        _sharing = sharing is { Count: > 0 } ? [.. sharing] : [Independent];
        _initialStates = initialStates is { Count: > 0 } ? [.. initialStates] : [InitialStates.Reference];
        _bonds = bonds is { Count: > 0 } ? [.. bonds] : [LayerwiseLayer.AllBonds];
        if (_sharing.Any(s => s is not (Independent or SharedChoice)) || _initialStates.Any(s => !InitialStates.All.Contains(s))
            || _bonds.Any(b => !LayerwiseLayer.BondPatterns.Contains(b)))
        {
            throw new ArgumentException($"Sharing choices are {Independent} and {SharedChoice}; initial states are {string.Join(", ", InitialStates.All)}; bonds are {string.Join(", ", LayerwiseLayer.BondPatterns)}.");
        }

        Edges = ring ? coupling.RingOrder : coupling.ChainOrder;
        EntanglerPairs = Edges.Select(e => e.Normalized).ToHashSet();
    }

    /// <summary>Number of layers.</summary>
    public int Layers { get; }

    /// <summary>The entangler pairs, in order.</summary>
    public IReadOnlyList<QubitPair> Edges { get; }

    /// <inheritdoc />
    public override IReadOnlyCollection<QubitPair> EntanglerPairs { get; }

    /// <inheritdoc />
    public override IReadOnlyList<string> InitialStateChoices => _initialStates;

    /// <inheritdoc />
    public override int EncodingLength => InitialWidth + Layers * Qubits * CellWidth;

    // Choice lists of one entry add no feature and no random draw, so a space without the new choices encodes and samples as before.
    private int InitialWidth => _initialStates.Length > 1 ? _initialStates.Length : 0;

    private int SharingWidth => _sharing.Length > 1 ? _sharing.Length : 0;

    private int BondsWidth => _bonds.Length > 1 ? _bonds.Length : 0;

    private int CellWidth => _rotations.Length + _entanglers.Length + SharingWidth + BondsWidth;

    /// <summary>Builds the space from its options.</summary>
    /// <exception cref="ComponentConfigurationException">The coupling map is unusable.</exception>
    public static LayerwiseSpace Create(LayerwiseSpaceOptions options, ComponentContext context)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        var coupling = CouplingMapOptions.Parse(options.Coupling, options.Qubits, context);
        // The ring coupling is asked for to use its closing pair, so its entanglers close the ring unless told otherwise.
        var order = options.Order ?? (options.Coupling is { ValueKind: JsonValueKind.String } v && v.GetString() == "ring" ? "ring" : "chain");
        return new LayerwiseSpace(
            coupling,
            options.Layers,
            options.Rotations,
            options.Entanglers,
            order == "ring",
            options.StatisticsSamples,
            options.Sharing,
            options.InitialStates,
            options.Bonds)
        {
            CouplingDefaulted = options.CouplingLeftOut(),
            OrderDefaulted = options.Order is null,
            Cache = context.Cache,
        };
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

            var entangler = _entanglers[rng.Next(_entanglers.Length)];
            var shared = (_sharing.Length > 1 ? _sharing[rng.Next(_sharing.Length)] : _sharing[0]) == SharedChoice;
            if (shared)
            {
                // A shared layer has one rotation on every qubit: that of qubit 0, itself a uniform draw.
                Array.Fill(rotations, rotations[0]);
            }

            var bonds = _bonds.Length > 1 ? _bonds[rng.Next(_bonds.Length)] : _bonds[0];
            layers[l] = new LayerwiseLayer(rotations, entangler, shared, bonds);
        }

        var initialState = _initialStates.Length > 1 ? _initialStates[rng.Next(_initialStates.Length)] : _initialStates[0];
        return new LayerwiseArchitecture(Qubits, Edges, layers, initialState).ToCandidate();
    }

    /// <summary>
    /// Changes one choice: a rotation (in a shared layer, the layer's one rotation), an entangler, a layer's
    /// sharing (a layer that becomes shared takes the rotation of one of its qubits on every qubit), a layer's
    /// bonds, or the initial state.
    /// </summary>
    public override Candidate Mutate(Candidate parent, Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var architecture = Read(parent);
        var layers = architecture.Layers.Select(l => l with { Rotations = l.Rotations.ToArray() }).ToArray();
        var initialState = architecture.InitialState;
        var rotationSlots = _rotations.Length > 1 ? Layers * Qubits : 0;
        var entanglerSlots = _entanglers.Length > 1 ? Layers : 0;
        var sharingSlots = _sharing.Length > 1 ? Layers : 0;
        var initialSlots = _initialStates.Length > 1 ? 1 : 0;
        var bondSlots = _bonds.Length > 1 ? Layers : 0;
        if (rotationSlots + entanglerSlots + sharingSlots + initialSlots + bondSlots == 0)
        {
            // A space of one candidate has no neighbour.
            return parent;
        }

        var slot = rng.Next(rotationSlots + entanglerSlots + sharingSlots + initialSlots + bondSlots);
        if (slot < rotationSlots)
        {
            var (l, q) = (slot / Qubits, slot % Qubits);
            var rotations = (string[])layers[l].Rotations;
            var other = OtherThan(_rotations, rotations[q], rng);
            if (layers[l].Shared)
            {
                Array.Fill(rotations, other);
            }
            else
            {
                rotations[q] = other;
            }
        }
        else if ((slot -= rotationSlots) < entanglerSlots)
        {
            layers[slot] = layers[slot] with { Entangler = OtherThan(_entanglers, layers[slot].Entangler, rng) };
        }
        else if ((slot -= entanglerSlots) < sharingSlots)
        {
            var rotations = (string[])layers[slot].Rotations;
            if (!layers[slot].Shared)
            {
                Array.Fill(rotations, rotations[rng.Next(Qubits)]);
            }

            layers[slot] = layers[slot] with { Shared = !layers[slot].Shared };
        }
        else if ((slot -= sharingSlots) < initialSlots)
        {
            initialState = OtherThan(_initialStates, initialState, rng);
        }
        else
        {
            slot -= initialSlots;
            layers[slot] = layers[slot] with { Bonds = OtherThan(_bonds, layers[slot].Bonds, rng) };
        }

        return new LayerwiseArchitecture(Qubits, Edges, layers, initialState).ToCandidate();
    }

    /// <summary>Takes each layer whole from one parent or the other, and the initial state from either.</summary>
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

        var initialState = a.InitialState == b.InitialState || rng.Next(2) == 0 ? a.InitialState : b.InitialState;
        return new LayerwiseArchitecture(Qubits, Edges, layers, initialState).ToCandidate();
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
            problems.Add($"the candidate's edges {string.Join(" ", architecture.Edges)} differ from this space's entangler order {string.Join(" ", Edges)} (a candidate made before \"order\" defaulted to \"ring\" for the ring coupling needs \"order\": \"chain\")");
        }

        if (!_initialStates.Contains(architecture.InitialState))
        {
            problems.Add($"the candidate starts from \"{architecture.InitialState}\", which this space does not offer ({string.Join(", ", _initialStates)}; see \"initialStates\")");
        }

        for (var l = 0; l < architecture.Layers.Count; l++)
        {
            CheckLayer(architecture.Layers[l], l, problems);
        }
    }

    /// <summary>
    /// The initial-state one-hot (when more than one is offered), then per layer and qubit: the rotation one-hot,
    /// the layer's entangler one-hot (its "none" slot for qubits the entangler does not touch) and, when sharing
    /// is a choice, the layer's sharing one-hot, and when bonds are a choice, the layer's bonds one-hot.
    /// </summary>
    public override double[] Encode(Candidate candidate)
    {
        var architecture = Read(candidate);
        var features = new double[EncodingLength];
        if (InitialWidth > 0)
        {
            features[Array.IndexOf(_initialStates, architecture.InitialState)] = 1;
        }

        var noneEntangler = Array.IndexOf(_entanglers, LayerwiseArchitecture.None);
        for (var l = 0; l < Layers; l++)
        {
            var layer = architecture.Layers[l];
            var touched = layer.EdgesOf(Edges).SelectMany(e => new[] { e.First, e.Second }).ToHashSet();
            for (var q = 0; q < Qubits; q++)
            {
                var offset = InitialWidth + (l * Qubits + q) * CellWidth;
                features[offset + Array.IndexOf(_rotations, layer.Rotations[q])] = 1;
                var entangler = layer.Entangler != LayerwiseArchitecture.None && touched.Contains(q) ? Array.IndexOf(_entanglers, layer.Entangler) : noneEntangler;
                if (entangler >= 0)
                {
                    features[offset + _rotations.Length + entangler] = 1;
                }

                if (SharingWidth > 0)
                {
                    features[offset + _rotations.Length + _entanglers.Length + Array.IndexOf(_sharing, layer.Shared ? SharedChoice : Independent)] = 1;
                }

                if (BondsWidth > 0)
                {
                    features[offset + _rotations.Length + _entanglers.Length + SharingWidth + Array.IndexOf(_bonds, layer.Bonds)] = 1;
                }
            }
        }

        return features;
    }

    /// <summary>
    /// <c>initial=neel</c> (when more than one initial state is offered), then per layer (numbered as in the
    /// candidate's "layers" array) each qubit's rotation, the entangler and, when sharing is a choice, the sharing:
    /// <c>layer0.q0.rotation=ry</c>, ..., <c>layer0.entangler=cz</c>, <c>layer0.sharing=shared</c>.
    /// </summary>
    public override IReadOnlyList<KeyValuePair<string, string>> DescribeChoices(Candidate candidate)
    {
        var architecture = Read(candidate);
        var choices = new List<KeyValuePair<string, string>>();
        if (InitialWidth > 0)
        {
            choices.Add(KeyValuePair.Create("initial", architecture.InitialState));
        }

        for (var l = 0; l < Layers; l++)
        {
            var layer = architecture.Layers[l];
            var prefix = "layer" + l.ToString(CultureInfo.InvariantCulture);
            choices.AddRange(layer.Rotations.Select((r, q) => KeyValuePair.Create($"{prefix}.q{q.ToString(CultureInfo.InvariantCulture)}.rotation", r)));
            choices.Add(KeyValuePair.Create(prefix + ".entangler", layer.Entangler));
            if (SharingWidth > 0)
            {
                choices.Add(KeyValuePair.Create(prefix + ".sharing", layer.Shared ? SharedChoice : Independent));
            }
        }

        return choices;
    }

    private void CheckLayer(LayerwiseLayer layer, int l, List<string> problems)
    {
        foreach (var rotation in layer.Rotations.Where(r => !_rotations.Contains(r)).Distinct())
        {
            problems.Add($"layers[{l}] uses rotation \"{rotation}\", which this space does not offer ({string.Join(", ", _rotations)})");
        }

        if (!_entanglers.Contains(layer.Entangler))
        {
            problems.Add($"layers[{l}] uses entangler \"{layer.Entangler}\", which this space does not offer ({string.Join(", ", _entanglers)})");
        }

        if (!_sharing.Contains(layer.Shared ? SharedChoice : Independent))
        {
            problems.Add($"layers[{l}] is {(layer.Shared ? "a shared" : "an independent")}-parameter layer, which this space does not offer (\"sharing\": {string.Join(", ", _sharing)})");
        }

        if (!_bonds.Contains(layer.Bonds))
        {
            problems.Add($"layers[{l}] acts on the {layer.Bonds} bonds, which this space does not offer (\"bonds\": {string.Join(", ", _bonds)})");
        }

        if (layer.Shared && layer.Rotations.Distinct().Count() > 1)
        {
            problems.Add($"layers[{l}] is shared but mixes rotations ({string.Join(", ", layer.Rotations.Distinct())}); a shared layer has one rotation on every qubit");
        }
    }

    private static string OtherThan(string[] choices, string current, Random rng)
    {
        var others = choices.Where(c => c != current).ToArray();
        return others[rng.Next(others.Length)];
    }
}
