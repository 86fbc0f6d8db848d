using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Spaces;
using NasPlatform.Plugins.Quantum.Circuits;
using NasPlatform.Plugins.Quantum.Hardware;
using NasPlatform.Plugins.Quantum.Spaces;

namespace NasPlatform.Plugins.Quantum.Tests.Spaces;

public sealed class SpacePropertyTests
{
    public static TheoryData<string> Spaces => ["layerwise-line", "layerwise-ring-order-grid", "layerwise-variational-ring", "gatewise-line", "gatewise-grid", "gatewise-tiny", "gatewise-variational"];

    [Theory]
    [MemberData(nameof(Spaces))]
    public void SampleMutateAndCrossoverStayValidAndRespectTheCouplingMap(string name)
    {
        var (space, coupling) = Build(name);
        for (var seed = 0; seed < 150; seed++)
        {
            var rng = new Random(seed);
            var a = space.Sample(rng);
            var b = space.Sample(rng);
            var mutant = space.Mutate(a, rng);
            var child = space.Crossover(a, b, rng);
            foreach (var candidate in new[] { a, b, mutant, child })
            {
                Assert.Empty(space.Validate(candidate));
                // JSON round trip: the same candidate, hash and circuit.
                var reread = Candidate.Parse(candidate.Json);
                Assert.Equal(candidate.Hash, reread.Hash);
                Assert.Empty(space.Validate(reread));
                var circuit = CircuitCandidates.Read(candidate);
                Assert.All(circuit.Gates.Where(g => g.IsTwoQubit), g => Assert.True(coupling.AreCoupled(g.Qubit0, g.Qubit1), $"{g} on {coupling.Kind}"));
                Assert.Equal(space.EncodingLength, space.Encode(candidate).Length);
            }

            Assert.NotEqual(a, mutant);
        }
    }

    [Theory]
    [MemberData(nameof(Spaces))]
    public void SamplingIsDeterministicForASeed(string name)
    {
        var (space, _) = Build(name);
        Assert.Equal(space.Sample(new Random(5)), space.Sample(new Random(5)));
        Assert.Equal(space.Mutate(space.Sample(new Random(5)), new Random(9)), space.Mutate(space.Sample(new Random(5)), new Random(9)));
    }

    [Fact]
    public void LayerwiseMutationChangesExactlyOneChoice()
    {
        var (space, _) = Build("layerwise-line");
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
        var (space, _) = Build("gatewise-line");
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
        var gatewise = (GatewiseSpace)Build("gatewise-line").Space;
        var uncoupled = Candidate.From(JObject.Parse("""{ "space": "gatewise", "qubits": 6, "gates": ["ry 0", "cnot 0 2"] }"""));
        Assert.Contains(gatewise.Validate(uncoupled), p => p.Contains("does not couple"));
        var badGate = Candidate.From(JObject.Parse("""{ "space": "gatewise", "qubits": 6, "gates": ["rq 0"] }"""));
        Assert.Contains(gatewise.Validate(badGate), p => p.Contains("unknown gate"));
        Assert.Throws<ArgumentException>(() => gatewise.Encode(uncoupled));

        var layerwise = Build("layerwise-line").Space;
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
        var (space, _) = Build("layerwise-line");
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

    private static (ISearchSpace Space, CouplingMap Coupling) Build(string name)
    {
        switch (name)
        {
            case "layerwise-line":
                var line = CouplingMap.Line(6);
                return (new LayerwiseSpace(line, 4, ["none", "rx", "ry", "rz"], ["none", "cnot", "cz"]), line);
            case "layerwise-ring-order-grid":
                var grid = CouplingMap.Grid(2, 3);
                return (new LayerwiseSpace(grid, 3, ["ry", "rz"], ["cnot", "cz"], ring: true), grid);
            case "layerwise-variational-ring":
                var ring = CouplingMap.Ring(5);
                return (new LayerwiseSpace(ring, 4, ["none", "rx", "ry", "rz"], ["none", "cnot", "cz", "rzz", "rxx", "ryy", "xy"], ring: true,
                    sharing: ["independent", "shared"], initialStates: ["reference", "plus", "neel"]), ring);
            case "gatewise-variational":
                var gring = CouplingMap.Ring(4);
                return (new GatewiseSpace(gring, 10, 2, ["rx", "ry"], ["cnot", "rzz", "rxx", "ryy", "xy"], 0.5, initialStates: ["reference", "plus", "neel"]), gring);
            case "gatewise-line":
                var gline = CouplingMap.Line(6);
                return (new GatewiseSpace(gline, 20, 1, ["rx", "ry", "rz"], ["cnot", "cz"], 0.4), gline);
            case "gatewise-grid":
                var ggrid = CouplingMap.Grid(3, 3);
                return (new GatewiseSpace(ggrid, 12, 4, ["ry"], ["cnot"], 0.5), ggrid);
            default:
                var tiny = CouplingMap.Line(2);
                return (new GatewiseSpace(tiny, 2, 2, ["ry"], ["cz"], 0.5), tiny);
        }
    }
}
