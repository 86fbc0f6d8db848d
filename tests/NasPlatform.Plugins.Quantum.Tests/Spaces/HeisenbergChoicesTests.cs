using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Plugins.Quantum.Circuits;
using NasPlatform.Plugins.Quantum.Evaluation;
using NasPlatform.Plugins.Quantum.Hardware;
using NasPlatform.Plugins.Quantum.Spaces;
using NasPlatform.Plugins.Quantum.Tasks.Vqe;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Plugins.Quantum.Tests.Spaces;

/// <summary>
/// The choices of the Hamiltonian-variational ansatz for Heisenberg chains (Wiersema et al. 2020): the singlet
/// dimer initial state, the exchange entangler exp(−iθ (XX+YY+ZZ)/2) and even/odd (brick-wall) bond layers.
/// </summary>
public sealed class HeisenbergChoicesTests : IDisposable
{
    private static readonly string[] Rotations = ["none", "rx", "ry", "rz"];
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("heisenberg-choices-");

    public void Dispose() => _work.Delete(true);

    [Fact]
    public void TheDimerStateIsASingletOnEachEvenBond()
    {
        var ansatz = new GatewiseArchitecture(5, [], InitialStates.Dimer).ToAnsatz();
        var state = new StateVector(5);
        ansatz.ToCircuit().Apply(state, []);
        // (|01> - |10>)(|01> - |10>)|0> / 2, qubit 0 first; the odd last qubit stays |0>.
        var amplitudes = new Dictionary<string, double> { ["01010"] = 0.5, ["01100"] = -0.5, ["10010"] = -0.5, ["10100"] = 0.5 };
        for (var i = 0; i < state.Length; i++)
        {
            var expected = amplitudes.GetValueOrDefault(state.FormatBasis(i));
            Assert.Equal(expected, state.Re[i], 12);
            Assert.Equal(0.0, state.Im[i], 12);
        }

        // A singlet has S_a . S_b = -3/4 on its bond: <XX + YY + ZZ> = -3 there, 0 across two dimers.
        Assert.Equal(-3.0, PauliSum.Parse("X0 X1 + Y0 Y1 + Z0 Z1", 5).Expectation(state), 12);
        Assert.Equal(0.0, PauliSum.Parse("X1 X2 + Y1 Y2 + Z1 Z2", 5).Expectation(state), 12);
        Assert.Equal(3, ansatz.Depth);
    }

    [Fact]
    public void TheExchangeGateIsOneAngleOfRxxRyyRzzAndAPartialSwap()
    {
        var ansatz = new GatewiseArchitecture(2, [new AnsatzGate("exchange", 0, 1)], InitialStates.Neel).ToAnsatz();
        Assert.Equal(1, ansatz.ParameterCount);
        Assert.Equal(3, ansatz.CnotCount);
        Assert.Equal(2, ansatz.Depth);
        var circuit = ansatz.ToCircuit();
        Assert.Equal([GateKind.X, GateKind.RXX, GateKind.RYY, GateKind.RZZ], circuit.Ops.Select(o => o.Kind));
        Assert.All(circuit.Ops.Skip(1), op => Assert.Equal(0, op.Angle0.ParameterIndex));

        // exp(-i t (XX+YY+ZZ)/2) = exp(-i t (2 SWAP - 1)/2): |01> goes to e^{-it/2}(cos t |01> - i sin t |10>).
        const double t = 0.7;
        var state = new StateVector(2);
        circuit.Apply(state, [t]);
        Assert.Equal(Math.Pow(Math.Cos(t), 2), state.Probability(StateVector.ParseBasisString("01")), 12);
        Assert.Equal(Math.Pow(Math.Sin(t), 2), state.Probability(StateVector.ParseBasisString("10")), 12);

        // A singlet is an eigenvector (SWAP = -1): the gate only changes its phase.
        var singlet = new StateVector(2);
        new GatewiseArchitecture(2, [new AnsatzGate("exchange", 0, 1)], InitialStates.Dimer).ToAnsatz().ToCircuit().Apply(singlet, [t]);
        Assert.Equal(0.5, singlet.Probability(StateVector.ParseBasisString("01")), 12);
        Assert.Equal(0.5, singlet.Probability(StateVector.ParseBasisString("10")), 12);
    }

    [Fact]
    public void EvenAndOddBondLayersMakeABrickWallOnARing()
    {
        var ring = CouplingMap.Ring(6);
        var architecture = new LayerwiseArchitecture(6, ring.RingOrder,
        [
            new LayerwiseLayer(Enumerable.Repeat("none", 6).ToArray(), "exchange", Shared: true, Bonds: "even"),
            new LayerwiseLayer(Enumerable.Repeat("none", 6).ToArray(), "exchange", Shared: true, Bonds: "odd"),
            new LayerwiseLayer(Enumerable.Repeat("none", 6).ToArray(), "rzz"),
        ], InitialStates.Dimer);
        var gates = architecture.ToAnsatz().Gates;
        Assert.Equal(["exchange 0 1", "exchange 2 3", "exchange 4 5"], gates.Take(3).Select(g => g.ToString()));
        Assert.Equal(["exchange 1 2", "exchange 3 4", "exchange 5 0"], gates.Skip(3).Take(3).Select(g => g.ToString()));
        Assert.Equal(6, gates.Count(g => g.Name == "rzz"));
        Assert.Equal(2 + 6, architecture.ToAnsatz().ParameterCount);

        var json = architecture.ToCandidate().Json;
        Assert.Contains("\"bonds\":\"even\"", json, StringComparison.Ordinal);
        Assert.Contains("\"initialState\":\"dimer\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"all\"", json, StringComparison.Ordinal);
        var read = LayerwiseArchitecture.TryRead(JObject.Parse(json));
        Assert.Empty(read.Problems);
        Assert.Equal(architecture.ToCandidate().Hash, read.Architecture!.ToCandidate().Hash);
    }

    [Fact]
    public void BondsAreAChoiceOnlyWhenOffered()
    {
        var ring = CouplingMap.Ring(4);
        var plain = new LayerwiseSpace(ring, 3, Rotations, ["none", "rzz"], ring: true);
        Assert.All(Enumerable.Range(0, 20), i => Assert.DoesNotContain("bonds", plain.Sample(new Random(i)).Json, StringComparison.Ordinal));
        Assert.Equal(3 * 4 * (4 + 2), plain.EncodingLength);

        var brick = new LayerwiseSpace(ring, 3, Rotations, ["none", "exchange"], ring: true, initialStates: ["reference", "dimer"], bonds: ["all", "even", "odd"]);
        Assert.Equal(2 + 3 * 4 * (4 + 2 + 3), brick.EncodingLength);
        var samples = Enumerable.Range(0, 30).Select(i => brick.Sample(new Random(i))).ToList();
        Assert.All(samples, s => Assert.Empty(brick.Validate(s)));
        Assert.Contains(samples, s => s.Json.Contains("\"bonds\":\"odd\"", StringComparison.Ordinal));

        var candidate = new LayerwiseArchitecture(4, ring.RingOrder,
        [
            new LayerwiseLayer(["rx", "none", "none", "none"], "exchange", Bonds: "odd"),
            new LayerwiseLayer(["none", "none", "none", "none"], "none"),
            new LayerwiseLayer(["none", "none", "none", "none"], "none"),
        ], InitialStates.Dimer).ToCandidate();
        var features = brick.Encode(candidate);
        const int width = 4 + 2 + 3;
        Assert.Equal(1, features[1]); // dimer
        Assert.Equal(1, features[2 + 0 * width + 4 + 1]); // layer 0, qubit 0: exchange (the odd bond (3,0) touches it)
        Assert.Equal(1, features[2 + 0 * width + 6 + 2]); // layer 0: odd bonds
        Assert.Equal(1, features[2 + 4 * width + 6 + 0]); // layer 1: all bonds

        Assert.Contains(plain.Validate(candidate), p => p.Contains("odd bonds", StringComparison.Ordinal));
        var json = JObject.Parse(candidate.Json);
        json["layers"]![0]!["bonds"] = "all";
        Assert.Contains(brick.Validate(Candidate.From(json)), p => p.Contains("leave it out for all edges", StringComparison.Ordinal));

        // Mutation reaches the bonds too, and stays in the space.
        var mutants = Enumerable.Range(0, 60).Select(i => brick.Mutate(candidate, new Random(i))).ToList();
        Assert.All(mutants, m => Assert.Empty(brick.Validate(m)));
        Assert.Contains(mutants, m => JObject.Parse(m.Json)["layers"]![1]!["bonds"] is not null);
    }

    [Fact]
    public void TheNewGatesSurviveAnOpenQasmRoundTrip()
    {
        var ring = CouplingMap.Ring(4);
        var circuit = new LayerwiseArchitecture(4, ring.RingOrder,
        [
            new LayerwiseLayer(["ry", "none", "rz", "none"], "exchange", Bonds: "odd"),
            new LayerwiseLayer(["none", "none", "none", "none"], "exchange", Shared: true, Bonds: "even"),
        ], InitialStates.Dimer).ToAnsatz().ToCircuit();
        double[] theta = [0.4, -1.1, 0.8, 0.25, -0.6];
        Assert.Equal(theta.Length, circuit.ParameterCount);
        var ours = new StateVector(4);
        circuit.Apply(ours, theta);
        var imported = NasPlatform.Quantum.Simulator.Qasm.QasmImporter.Import(NasPlatform.Quantum.Simulator.Qasm.QasmExporter.Export(circuit, theta));
        var theirs = new StateVector(4);
        imported.Apply(theirs, []);
        for (var i = 0; i < ours.Length; i++)
        {
            Assert.Equal(ours.Re[i], theirs.Re[i], 12);
            Assert.Equal(ours.Im[i], theirs.Im[i], 12);
        }
    }

    [Fact]
    public void TheHamiltonianVariationalCircuitInTheSpaceReachesTheHeisenbergRingGroundState()
    {
        // Wiersema et al. 2020: from singlet dimers, n/2 pairs of shared exchange layers on the odd, then even bonds.
        var ring = CouplingMap.Ring(8);
        var none = Enumerable.Repeat("none", 8).ToArray();
        var layers = Enumerable.Range(0, 8).Select(l => new LayerwiseLayer(none, "exchange", Shared: true, Bonds: l % 2 == 0 ? "odd" : "even")).ToList();
        var candidate = new LayerwiseArchitecture(8, ring.RingOrder, layers, InitialStates.Dimer).ToCandidate();
        var evaluator = VariationalEvaluator.Create(new VqeTaskFactory(), TestContexts.Bind<VqeEvaluatorOptions>("""
            { "hamiltonian": { "model": "heisenberg", "qubits": 8, "periodic": true }, "fidelities": ["s200x2"] }
            """), TestContexts.In());
        var result = evaluator.Evaluate(new EvaluationRequest(candidate, evaluator.Fidelities.Single(), 3, _work.FullName), null, CancellationToken.None);

        Assert.Equal(-14.6043736357, result.Metrics["exact_energy"], 8);
        Assert.True(result.Metrics["energy_error"] < 1e-2, $"energy_error {result.Metrics["energy_error"]}");
        Assert.Equal(8, result.Metrics["params"]);
        Assert.Equal(8 * 4 * 3, result.Metrics["cnot_count"]);
    }
}
