using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Plugins.Quantum.Circuits;
using NasPlatform.Plugins.Quantum.Hardware;
using NasPlatform.Plugins.Quantum.Spaces;
using NasPlatform.Plugins.Quantum.Statistics;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Plugins.Quantum.Tests.Spaces;

/// <summary>The choices issue 17 added: parameterized entanglers, shared-parameter layers and initial states.</summary>
public sealed class VariationalChoicesTests
{
    private static readonly string[] AllRotations = ["none", "rx", "ry", "rz"];
    private static readonly string[] AllEntanglers = ["none", "cnot", "cz", "rzz", "rxx", "ryy", "xy"];

    [Fact]
    public void DefaultChoicesWriteTheOriginalCandidateJson()
    {
        var old = new LayerwiseArchitecture(2, [new QubitPair(0, 1)], [new LayerwiseLayer(["ry", "none"], "cnot")]).ToCandidate();
        Assert.Equal(
            Candidate.From(JObject.Parse("""{"space":"layerwise","qubits":2,"edges":[[0,1]],"layers":[{"rotations":["ry","none"],"entangler":"cnot"}]}""")).Hash,
            old.Hash);
        var space = new LayerwiseSpace(CouplingMap.Line(4), 3, AllRotations, ["none", "cnot", "cz"]);
        var json = space.Sample(new Random(2)).Json;
        Assert.DoesNotContain("initialState", json, StringComparison.Ordinal);
        Assert.DoesNotContain("shared", json, StringComparison.Ordinal);
        Assert.Equal(3 * 4 * 7, space.EncodingLength);
        Assert.DoesNotContain("initialState", new GatewiseSpace(CouplingMap.Line(3), 5, 1, ["ry"], ["cnot"]).Sample(new Random(1)).Json, StringComparison.Ordinal);
    }

    [Fact]
    public void ASharedLayerHasOneAnglePerRotationKindAndOneForItsEntangler()
    {
        var ring = CouplingMap.Ring(4);
        var architecture = new LayerwiseArchitecture(4, ring.RingOrder,
        [
            new LayerwiseLayer(["rx", "rx", "rx", "rx"], "rzz", Shared: true),
            new LayerwiseLayer(["ry", "none", "none", "rz"], "rxx"),
        ], InitialStates.Plus);
        var ansatz = architecture.ToAnsatz();
        // Layer 0: one rx angle and one rzz angle; layer 1: ry, rz and one rxx angle per ring edge.
        Assert.Equal(2 + 2 + 4, ansatz.ParameterCount);
        Assert.Equal(8, ansatz.TwoQubitGateCount);
        Assert.Equal(16, ansatz.CnotCount);
        var circuit = ansatz.ToCircuit();
        Assert.Equal(ansatz.ParameterCount, circuit.ParameterCount);
        var layer0 = circuit.Ops.Skip(4).Take(8).ToList(); // after the four H of |+...+>
        Assert.All(layer0.Take(4), op => Assert.Equal((GateKind.RX, 0), (op.Kind, op.Angle0.ParameterIndex)));
        Assert.All(layer0.Skip(4), op => Assert.Equal((GateKind.RZZ, 1), (op.Kind, op.Angle0.ParameterIndex)));

        var statistics = CircuitStatisticsOf(architecture.ToCandidate(), ansatz);
        Assert.Equal(8, statistics["params"]);
        Assert.Equal(8, statistics["two_qubit_gates"]);
        Assert.Equal(16, statistics["cnot_count"]);
        Assert.Equal(circuit.Depth, statistics["depth"]);
    }

    [Fact]
    public void TheGradientOfASharedAngleIsTheSumOverItsGates()
    {
        var ring = CouplingMap.Ring(4);
        var ansatz = new LayerwiseArchitecture(4, ring.RingOrder,
        [
            new LayerwiseLayer(["none", "none", "none", "none"], "rzz", Shared: true),
            new LayerwiseLayer(["rx", "rx", "rx", "rx"], "ryy", Shared: true),
        ], InitialStates.Plus).ToAnsatz();
        var circuit = ansatz.ToCircuit();
        var hamiltonian = Hamiltonians.TransverseFieldIsing(4, 1, 1, periodic: true);
        double[] theta = [0.3, -0.7, 0.45];
        var gradient = new double[3];
        var energy = new AdjointGradient(4).Evaluate(circuit, theta, hamiltonian, gradient, null);
        Assert.Equal(EnergyAt(circuit, hamiltonian, theta), energy, 12);
        for (var k = 0; k < 3; k++)
        {
            var plus = (double[])theta.Clone();
            var minus = (double[])theta.Clone();
            plus[k] += 1e-6;
            minus[k] -= 1e-6;
            Assert.Equal((EnergyAt(circuit, hamiltonian, plus) - EnergyAt(circuit, hamiltonian, minus)) / 2e-6, gradient[k], 6);
        }
    }

    [Fact]
    public void TheXyGateIsOneAngleOfRxxTimesRyyAndKeepsTheNumberOfOnes()
    {
        var ansatz = new GatewiseArchitecture(3, [new AnsatzGate("xy", 0, 1), new AnsatzGate("ry", 2), new AnsatzGate("xy", 1, 2)], InitialStates.Neel).ToAnsatz();
        Assert.Equal(3, ansatz.ParameterCount);
        Assert.Equal(4, ansatz.CnotCount);
        // X on qubit 1, then xy(0,1), then xy(1,2) after ry on 2: three gate layers, xy counted once.
        Assert.Equal(3, ansatz.Depth);
        var circuit = ansatz.ToCircuit();
        Assert.Equal([GateKind.X, GateKind.RXX, GateKind.RYY, GateKind.RY, GateKind.RXX, GateKind.RYY], circuit.Ops.Select(o => o.Kind));
        Assert.Equal(circuit.Ops[1].Angle0, circuit.Ops[2].Angle0);

        // From |010>, exp(-i t (XX+YY)/2) on (0,1) moves the excitation between qubits 0 and 1 only.
        var hop = new GatewiseArchitecture(3, [new AnsatzGate("xy", 0, 1)], InitialStates.Neel).ToAnsatz().ToCircuit();
        var state = new StateVector(3);
        hop.Apply(state, [0.7]);
        var ones = Enumerable.Range(0, 8).Where(i => state.Probability(i) > 1e-12).Select(i => System.Numerics.BitOperations.PopCount((uint)i)).Distinct();
        Assert.Equal([1], ones);
        Assert.Equal(Math.Pow(Math.Sin(0.7), 2), state.Probability(StateVector.ParseBasisString("100")), 12);
    }

    [Theory]
    [InlineData("plus")]
    [InlineData("neel")]
    public void InitialStatesPrepareTheirStates(string name)
    {
        var ansatz = new GatewiseArchitecture(4, [], name).ToAnsatz();
        var state = new StateVector(4);
        ansatz.ToCircuit().Apply(state, []);
        if (name == InitialStates.Plus)
        {
            Assert.All(Enumerable.Range(0, 16), i => Assert.Equal(0.25, state.Re[i], 12));
        }
        else
        {
            Assert.Equal(1.0, state.Probability(StateVector.ParseBasisString("0101")), 12);
        }
    }

    [Fact]
    public void EncodingHoldsTheInitialStateAndEachLayersSharing()
    {
        var ring = CouplingMap.Ring(3);
        var space = new LayerwiseSpace(ring, 2, AllRotations, AllEntanglers, ring: true, sharing: ["independent", "shared"], initialStates: ["reference", "plus", "neel"]);
        var width = 4 + 7 + 2;
        Assert.Equal(3 + 2 * 3 * width, space.EncodingLength);
        var candidate = new LayerwiseArchitecture(3, space.Edges,
        [
            new LayerwiseLayer(["rx", "rx", "rx"], "rzz", Shared: true),
            new LayerwiseLayer(["none", "ry", "rz"], "none"),
        ], InitialStates.Neel).ToCandidate();
        var features = space.Encode(candidate);
        Assert.Equal(1 + 2 * 3 * 3, features.Sum());
        Assert.Equal(1, features[2]); // neel
        Assert.Equal(1, features[3 + 0 * width + 1]); // layer 0 qubit 0: rx
        Assert.Equal(1, features[3 + 0 * width + 4 + 3]); // layer 0 qubit 0: rzz
        Assert.Equal(1, features[3 + 0 * width + 11 + 1]); // layer 0: shared
        Assert.Equal(1, features[3 + 3 * width + 11 + 0]); // layer 1: independent
    }

    [Fact]
    public void ValidateNamesEachNewChoiceTheSpaceDoesNotOffer()
    {
        var ring = CouplingMap.Ring(3);
        var narrow = new LayerwiseSpace(ring, 1, AllRotations, ["none", "cnot"], ring: true);
        Assert.Contains(narrow.Validate(Layerwise(ring, "rx,rx,rx", "rzz", shared: true, "plus")), p => p.Contains("entangler \"rzz\""));
        Assert.Contains(narrow.Validate(Layerwise(ring, "rx,rx,rx", "cnot", shared: true, null)), p => p.Contains("shared-parameter layer"));
        Assert.Contains(narrow.Validate(Layerwise(ring, "rx,rx,rx", "cnot", shared: false, "plus")), p => p.Contains("starts from \"plus\""));

        var wide = new LayerwiseSpace(ring, 1, AllRotations, AllEntanglers, ring: true, sharing: ["shared"], initialStates: ["plus"]);
        Assert.Empty(wide.Validate(Layerwise(ring, "rx,rx,rx", "rzz", shared: true, "plus")));
        Assert.Contains(wide.Validate(Layerwise(ring, "rx,ry,rx", "rzz", shared: true, "plus")), p => p.Contains("mixes rotations"));
        var json = (JObject)Layerwise(ring, "rx,rx,rx", "rzz", shared: true, "plus").ToJson();
        json["layers"]![0]!["shared"] = false;
        Assert.Contains(wide.Validate(Candidate.From(json)), p => p.Contains("must be true when present"));
        json["layers"]![0]!["shared"] = true;
        json["initialState"] = "reference";
        Assert.Contains(wide.Validate(Candidate.From(json)), p => p.Contains("leave it out"));

        var gatewise = new GatewiseSpace(ring, 4, 1, ["rx"], ["rzz"]);
        var reversed = Candidate.From(JObject.Parse("""{ "space": "gatewise", "qubits": 3, "gates": ["rzz 2 1"] }"""));
        Assert.Contains(gatewise.Validate(reversed), p => p.Contains("rzz 1 2"));
    }

    [Fact]
    public void TheRingCouplingClosesTheRingUnlessTheOrderSaysOtherwise()
    {
        var ring = LayerwiseSpace.Create(TestContexts.Bind<LayerwiseSpaceOptions>("""{ "qubits": 5, "coupling": "ring" }"""), TestContexts.In());
        Assert.Contains(new QubitPair(0, 4), ring.EntanglerPairs);
        Assert.True(ring.OrderDefaulted);
        var chain = LayerwiseSpace.Create(TestContexts.Bind<LayerwiseSpaceOptions>("""{ "qubits": 5, "coupling": "ring", "order": "chain" }"""), TestContexts.In());
        Assert.DoesNotContain(new QubitPair(0, 4), chain.EntanglerPairs);
        Assert.False(chain.OrderDefaulted);
        var line = LayerwiseSpace.Create(TestContexts.Bind<LayerwiseSpaceOptions>("""{ "qubits": 5 }"""), TestContexts.In());
        Assert.True(line.CouplingDefaulted);
        Assert.Equal(4, line.Edges.Count);
    }

    private static Candidate Layerwise(CouplingMap ring, string rotations, string entangler, bool shared, string? initialState) =>
        new LayerwiseArchitecture(ring.NumQubits, ring.RingOrder, [new LayerwiseLayer(rotations.Split(','), entangler, shared)], initialState ?? InitialStates.Reference).ToCandidate();

    private static IReadOnlyDictionary<string, double> CircuitStatisticsOf(Candidate candidate, AnsatzCircuit ansatz) =>
        CircuitStatistics.Compute(NasPlatform.Abstractions.Plugins.UncachedComponentCache.Instance, candidate.Hash, ansatz, 8);

    private static double EnergyAt(Circuit circuit, PauliSum hamiltonian, double[] theta)
    {
        var state = new StateVector(circuit.NumQubits);
        circuit.Apply(state, theta);
        return hamiltonian.Expectation(state);
    }
}
