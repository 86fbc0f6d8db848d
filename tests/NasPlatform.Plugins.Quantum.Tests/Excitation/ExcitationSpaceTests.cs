using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Plugins.Quantum.Excitation;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Plugins.Quantum.Tests.Excitation;

/// <summary>The excitation space's laws, and that its circuits keep the electron counts of each spin.</summary>
public sealed class ExcitationSpaceTests
{
    public static TheoryData<string> Spaces => new()
    {
        """{ "orbitals": 5, "electrons": 2, "pool": "fermionic-sd", "maxOperators": 6 }""",
        """{ "orbitals": 5, "electrons": 2, "pool": "qubit", "maxOperators": 6 }""",
        """{ "orbitals": 4, "electrons": 4, "mapping": "parity", "taper": true, "maxOperators": 5 }""",
        """{ "orbitals": 3, "electrons": 3, "mapping": "bravyi-kitaev", "maxOperators": 4 }""",
    };

    [Theory]
    [MemberData(nameof(Spaces))]
    public void SampledMutatedAndCrossedCandidatesAreValidAndEncodeToTheFixedLength(string options)
    {
        var space = Space(options);
        var rng = new Random(5);
        var population = Enumerable.Range(0, 20).Select(_ => space.Sample(rng)).ToList();
        for (var i = 0; i < 200; i++)
        {
            var child = i % 2 == 0
                ? space.Mutate(population[rng.Next(population.Count)], rng)
                : space.Crossover(population[rng.Next(population.Count)], population[rng.Next(population.Count)], rng);
            population.Add(child);
        }

        foreach (var candidate in population)
        {
            Assert.Empty(space.Validate(candidate));
            var operators = space.Read(candidate);
            Assert.InRange(operators.Length, 1, space.MaxOperators);
            var encoding = space.Encode(candidate);
            Assert.Equal(space.EncodingLength, encoding.Length);
            Assert.Equal(operators.Length, encoding[..^1].Sum());
        }

        // Mutation changes exactly one thing: the length by one, or one operator.
        var parent = population[0];
        var mutant = space.Read(space.Mutate(parent, new Random(9)));
        var before = space.Read(parent);
        Assert.True(Math.Abs(mutant.Length - before.Length) == 1 || (mutant.Length == before.Length && mutant.Zip(before).Count(p => p.First != p.Second) == 1));
    }

    [Fact]
    public void CandidatesSurviveAJsonRoundTripWithAStableHash()
    {
        var space = Space("""{ "orbitals": 5, "electrons": 2, "maxOperators": 8 }""");
        var candidate = space.CandidateOf([8, 0, 23]);
        var parsed = Candidate.Parse(candidate.Json);
        Assert.Equal(candidate, parsed);
        Assert.Equal(candidate.Hash, parsed.Hash);
        Assert.Equal([8, 0, 23], space.Read(parsed));

        // Key order does not matter; the hash of this circuit is fixed across processes and versions.
        var reordered = Candidate.From(JObject.Parse("""{"operators":["0,5->1,6","0->1","0,5->4,9"],"space":"excitation","taper":false,"spin":0,"pool":"fermionic-sd","orbitals":5,"mapping":"jordan-wigner","electrons":2}"""));
        Assert.Equal(candidate.Hash, reordered.Hash);
        Assert.Equal("""{"electrons":2,"mapping":"jordan-wigner","operators":["0,5->1,6","0->1","0,5->4,9"],"orbitals":5,"pool":"fermionic-sd","space":"excitation","spin":0,"taper":false}""", candidate.Json);
    }

    [Fact]
    public void ValidationNamesWhatIsWrong()
    {
        var space = Space("""{ "orbitals": 5, "electrons": 2, "maxOperators": 2 }""");
        var json = (JObject)space.CandidateOf([0, 1]).ToJson();
        json["operators"] = new JArray("0->1", "0->7", "5->6");
        var problems = space.Validate(Candidate.From(json));
        Assert.Contains(problems, p => p.Contains("\"0->7\" is not in the fermionic-sd pool", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("raise maxOperators to at least 3", StringComparison.Ordinal));

        json["operators"] = new JArray("0->1");
        json["orbitals"] = 4;
        Assert.Contains(space.Validate(Candidate.From(json)), p => p.Contains("this space is 5 orbitals", StringComparison.Ordinal));
    }

    [Fact]
    public void MutationStaysWithinMaxOperators()
    {
        var space = Space("""{ "orbitals": 5, "electrons": 2, "maxOperators": 1 }""");
        var rng = new Random(2);
        var candidate = space.Sample(rng);
        for (var i = 0; i < 50; i++)
        {
            candidate = space.Mutate(candidate, rng);
            Assert.Single(space.Read(candidate));
        }
    }

    [Fact]
    public void TheQubitPoolIsRefusedOffUntaperedJordanWigner()
    {
        var error = Assert.Throws<ComponentConfigurationException>(() => Space("""{ "orbitals": 2, "electrons": 2, "pool": "qubit", "mapping": "parity" }"""));
        Assert.Contains("jordan-wigner", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fermionic-sd", 4, "jordan-wigner")]
    [InlineData("qubit", 4, "jordan-wigner")]
    public void CircuitsKeepTheElectronCountsOrForQubitStringsTheirParities(string pool, int orbitals, string mapping)
    {
        // Jordan-Wigner: qubit p is mode p, so N_alpha and N_beta are the 1s in each half of the basis string.
        var space = Space($$"""{ "orbitals": {{orbitals}}, "electrons": 3, "pool": "{{pool}}", "mapping": "{{mapping}}", "maxOperators": 8 }""");
        var rng = new Random(3);
        var countLeak = 0.0;
        for (var trial = 0; trial < 10; trial++)
        {
            var operators = space.Read(space.Sample(rng));
            var circuit = space.Pool.BuildCircuit(operators, prepareHartreeFock: true);
            var angles = Enumerable.Range(0, operators.Length).Select(_ => (rng.NextDouble() * 4) - 2).ToArray();
            var state = new StateVector(circuit.NumQubits);
            circuit.Apply(state, angles);
            double outsideCounts = 0, outsideParities = 0;
            for (var index = 0; index < state.Length; index++)
            {
                var bits = state.FormatBasis(index);
                var (alpha, beta) = (bits[..orbitals].Count(c => c == '1'), bits[orbitals..].Count(c => c == '1'));
                outsideCounts += alpha != 2 || beta != 1 ? state.Probability(index) : 0;
                outsideParities += alpha % 2 != 0 || beta % 2 != 1 ? state.Probability(index) : 0;
            }

            Assert.True(outsideParities < 1e-20, $"weight {outsideParities} with other N_alpha, N_beta parities");
            if (pool == ExcitationOperatorPool.Fermionic)
            {
                Assert.True(outsideCounts < 1e-20, $"weight {outsideCounts} outside N_alpha=2, N_beta=1");
            }

            countLeak = Math.Max(countLeak, outsideCounts);
            Assert.True(state.Probability(StateVector.ParseBasisString(space.Register.HartreeFockState)) < 1 - 1e-6, "the circuit moved the state");
        }

        // Single Pauli strings (qubit-ADAPT) do change the counts at generic angles: what sector_leakage reports.
        Assert.Equal(pool == ExcitationOperatorPool.Qubit, countLeak > 1e-3);
    }

    [Fact]
    public void FreeStatisticsCountTheCnotsOfTheLadders()
    {
        var space = Space("""{ "orbitals": 5, "electrons": 2, "maxOperators": 8 }""");
        // A JW single 0->1 is two strings of weight 2 (2 CNOTs each); a double 0,5->1,6 is eight strings of weight 4 with Z strings: 0,1 and 5,6 adjacent, weight 4 each (6 CNOTs).
        var single = space.FreeStatistics(space.CandidateOf([space.Pool.IndexOf("0->1")]));
        Assert.Equal(4, single["cnot_count"]);
        Assert.Equal(1, single["params"]);
        var both = space.FreeStatistics(space.CandidateOf([space.Pool.IndexOf("0->1"), space.Pool.IndexOf("0,5->1,6")]));
        Assert.Equal(4 + (8 * 6), both["cnot_count"]);
        Assert.True(both["depth"] > single["depth"]);
    }

    private static ExcitationSpace Space(string options) => ExcitationSpace.Create(TestContexts.Bind<ExcitationSpaceOptions>(options), TestContexts.In());
}
