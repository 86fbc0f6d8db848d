using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Plugins.Quantum.Circuits;
using NasPlatform.Plugins.Quantum.Hardware;
using NasPlatform.Plugins.Quantum.Spaces;

namespace NasPlatform.Plugins.Quantum.Tests.Spaces;

public sealed class SpacePropertyTests
{
    public static TheoryData<string> Spaces => [.. QuantumTestSpaces.Names];

    // The laws every space obeys (validity, encoding length, JSON round trip, determinism) run from Contracts/.
    [Theory]
    [MemberData(nameof(Spaces))]
    public void SampledMutatedAndCrossedCircuitsRespectTheCouplingMap(string name)
    {
        var (space, coupling) = QuantumTestSpaces.Build(name);
        for (var seed = 0; seed < 150; seed++)
        {
            var rng = new Random(seed);
            var a = space.Sample(rng);
            var b = space.Sample(rng);
            foreach (var candidate in new[] { a, b, space.Mutate(a, rng), space.Crossover(a, b, rng) })
            {
                var circuit = CircuitCandidates.Read(candidate);
                Assert.All(circuit.Gates.Where(g => g.IsTwoQubit), g => Assert.True(coupling.AreCoupled(g.Qubit0, g.Qubit1), $"{g} on {coupling.Kind}"));
            }
        }
    }

    [Fact]
    public void LayerwiseMutationChangesExactlyOneChoice()
    {
        var (space, _) = QuantumTestSpaces.Build("layerwise-line");
        for (var seed = 0; seed < 50; seed++)
        {
            var rng = new Random(seed);
            var parent = Choices(space.Sample(rng));
            var child = Choices(space.Mutate(space.Sample(new Random(seed)), rng));
            Assert.Equal(1, parent.Zip(child).Count(p => p.First != p.Second));
        }
    }

    [Fact]
    public void GatewiseMutationMakesOneEdit()
    {
        var (space, _) = QuantumTestSpaces.Build("gatewise-line");
        for (var seed = 0; seed < 50; seed++)
        {
            var parent = space.Sample(new Random(seed));
            var before = CircuitCandidates.Read(parent).Gates;
            var after = CircuitCandidates.Read(space.Mutate(parent, new Random(seed + 1000))).Gates;
            Assert.InRange(after.Count - before.Count, -1, 1);
            if (after.Count == before.Count)
            {
                Assert.Equal(1, before.Zip(after).Count(p => p.First != p.Second));
            }
        }
    }

    [Fact]
    public void LayerwiseEncodingIsTheOneHotLayerQubitGateTensor()
    {
        var space = new LayerwiseSpace(CouplingMap.Line(3), 2, ["none", "rx", "ry", "rz"], ["none", "cnot", "cz"]);
        Assert.Equal(2 * 3 * 7, space.EncodingLength);
        var candidate = new LayerwiseArchitecture(3, space.Edges,
        [
            new LayerwiseLayer(["ry", "none", "rz"], "cnot"),
            new LayerwiseLayer(["rx", "rx", "rx"], "none"),
        ]).ToCandidate();
        var features = space.Encode(candidate);
        // Every (layer, qubit) cell has one rotation and one entangler bit set.
        Assert.Equal(2 * 3 * 2, features.Sum());
        Assert.Equal(1, features[(0 * 3 + 0) * 7 + 2]); // layer 0 qubit 0: ry
        Assert.Equal(1, features[(0 * 3 + 1) * 7 + 0]); // layer 0 qubit 1: none
        Assert.Equal(1, features[(0 * 3 + 2) * 7 + 4 + 1]); // layer 0 qubit 2: cnot
        Assert.Equal(1, features[(1 * 3 + 2) * 7 + 4 + 0]); // layer 1 qubit 2: no entangler
    }

    [Fact]
    public void ValidateRejectsUncoupledGatesForeignEdgesAndWrongShapes()
    {
        var gatewise = (GatewiseSpace)QuantumTestSpaces.Build("gatewise-line").Space;
        var uncoupled = Candidate.From(JObject.Parse("""{ "space": "gatewise", "qubits": 6, "gates": ["ry 0", "cnot 0 2"] }"""));
        Assert.Contains(gatewise.Validate(uncoupled), p => p.Contains("does not couple"));
        var badGate = Candidate.From(JObject.Parse("""{ "space": "gatewise", "qubits": 6, "gates": ["rq 0"] }"""));
        Assert.Contains(gatewise.Validate(badGate), p => p.Contains("unknown gate"));
        Assert.Throws<ArgumentException>(() => gatewise.Encode(uncoupled));

        var layerwise = QuantumTestSpaces.Build("layerwise-line").Space;
        var sample = (JObject)layerwise.Sample(new Random(1)).ToJson();
        sample["edges"] = JArray.Parse("[[0,2],[2,4]]");
        Assert.Contains(layerwise.Validate(Candidate.From(sample)), p => p.Contains("differ from this space's entangler order"));
        sample = (JObject)layerwise.Sample(new Random(1)).ToJson();
        ((JArray)sample["layers"]!).RemoveAt(0);
        Assert.Contains(layerwise.Validate(Candidate.From(sample)), p => p.Contains("layers but this space has"));
        Assert.Contains(layerwise.Validate(Candidate.From(JObject.Parse("""{ "space": "gatewise" }"""))), p => p.Contains("layer-wise candidate"));
    }

    [Fact]
    public void CandidatesAreSelfContainedCircuits()
    {
        var (space, _) = QuantumTestSpaces.Build("layerwise-line");
        var candidate = space.Sample(new Random(3));
        var circuit = CircuitCandidates.Read(Candidate.Parse(candidate.Json));
        Assert.Equal(6, circuit.NumQubits);
        Assert.Equal(circuit.ParameterCount, circuit.ToCircuit().ParameterCount);
    }

    private static List<string> Choices(Candidate candidate)
    {
        var json = (JObject)candidate.ToJson();
        return ((JArray)json["layers"]!).SelectMany(l => ((JArray)l["rotations"]!).Select(r => (string)r!).Append((string)l["entangler"]!)).ToList();
    }
}
