using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Spaces;

namespace NasPlatform.Testing.Contracts;

/// <summary>
/// The laws every <see cref="ISearchSpace"/> obeys, as xUnit tests. Derive one small class per space
/// (its name ending in ContractTests), implement <see cref="CreateSpace"/> and pin <see cref="PinnedTraceDigest"/>
/// (run the tests once: the failure message gives the value). The laws: sampled, mutated and crossed
/// candidates validate; mutation changes the candidate; the encoding has the declared length for every
/// candidate and finite values; a JSON round trip gives an equal candidate with the same hash and encoding;
/// a seed fixes samples, mutations and crossovers, in a fresh instance and in another process (the digest);
/// free statistics have the same names for every candidate and finite values; the choice description
/// (<see cref="ISearchSpace.DescribeChoices"/>) has the same unique names in the same order for every candidate,
/// survives a JSON round trip and tells different candidates apart; every encoding coordinate has a name of its
/// own; Validate reports foreign JSON instead of throwing.
/// </summary>
public abstract class SearchSpaceContract
{
    /// <summary>Creates a fresh space; called several times per test, and each must behave the same.</summary>
    protected abstract ISearchSpace CreateSpace();

    /// <summary>
    /// <see cref="TraceDigest"/> of this space, computed once and written here. A value computed in another
    /// process is what catches spaces that depend on more than the generator (string.GetHashCode, HashSet
    /// order, the clock); it changes, on purpose, when sampling, mutation, crossover or the encoding change.
    /// </summary>
    protected abstract string PinnedTraceDigest { get; }

    /// <summary>Walks drawn per test; each samples two candidates, mutates one a few times and crosses them.</summary>
    protected virtual int Walks => 30;

    /// <summary>Mutations in a row per walk, so candidates far from the samples are reached too.</summary>
    protected virtual int WalkLength => 3;

    [Fact]
    public void Sampled_mutated_and_crossed_candidates_validate()
    {
        var space = CreateSpace();
        Assert.All(Population(space, seed: 1), c => Assert.True(space.Validate(c.Candidate).Count == 0,
            $"{c.Origin} {c.Candidate.Json} is invalid: {string.Join("; ", space.Validate(c.Candidate))}"));
    }

    [Fact]
    public void Mutation_gives_a_different_candidate()
    {
        var space = CreateSpace();
        for (var seed = 0; seed < Walks; seed++)
        {
            var rng = new Random(seed);
            var parent = space.Sample(rng);
            for (var step = 0; step < WalkLength; step++)
            {
                var child = space.Mutate(parent, rng);
                Assert.False(child.Equals(parent), $"mutating {parent.Json} (seed {seed}, step {step}) gave the parent back");
                parent = child;
            }
        }
    }

    [Fact]
    public void Every_encoding_has_the_declared_length_and_finite_values()
    {
        var space = CreateSpace();
        Assert.True(space.EncodingLength > 0, $"EncodingLength is {space.EncodingLength}");
        Assert.All(Population(space, seed: 2), c =>
        {
            var encoding = space.Encode(c.Candidate);
            Assert.True(encoding.Length == space.EncodingLength, $"{c.Origin} {c.Candidate.Json} encodes to {encoding.Length} values, not {space.EncodingLength}");
            Assert.All(encoding, v => Assert.True(double.IsFinite(v), $"{c.Origin} {c.Candidate.Json} encodes to {v}"));
        });
    }

    [Fact]
    public void A_json_round_trip_gives_an_equal_candidate_with_the_same_hash_and_encoding()
    {
        var space = CreateSpace();
        Assert.All(Population(space, seed: 3), c =>
        {
            var parsed = Candidate.Parse(c.Candidate.Json);
            var rebuilt = Candidate.From(c.Candidate.ToJson());
            foreach (var again in new[] { parsed, rebuilt })
            {
                Assert.Equal(c.Candidate, again);
                Assert.Equal(c.Candidate.Hash, again.Hash);
                Assert.Empty(space.Validate(again));
                Assert.Equal(space.Encode(c.Candidate), space.Encode(again));
            }

            // The hash is a function of the canonical JSON alone: the same in every process.
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(c.Candidate.Json)).AsSpan(0, 16)), c.Candidate.Hash);
        });
    }

    [Fact]
    public void A_seed_fixes_samples_mutations_and_crossovers_in_a_fresh_space_too()
    {
        var first = Population(CreateSpace(), seed: 4);
        var again = Population(CreateSpace(), seed: 4);
        var other = Population(CreateSpace(), seed: 5);

        Assert.Equal(first.Select(c => c.Candidate.Hash), again.Select(c => c.Candidate.Hash));
        Assert.Equal(first.Select(c => c.Candidate.Json), again.Select(c => c.Candidate.Json));
        Assert.NotEqual(first.Select(c => c.Candidate.Hash), other.Select(c => c.Candidate.Hash));
        var (a, b) = (CreateSpace(), CreateSpace());
        Assert.All(first, c => Assert.Equal(a.Encode(c.Candidate), b.Encode(c.Candidate)));
    }

    [Fact]
    public void The_trace_of_fixed_seeds_matches_the_pinned_digest_so_every_process_agrees()
    {
        var digest = TraceDigest(CreateSpace());
        Assert.True(digest == PinnedTraceDigest,
            $"the trace digest is {digest}, not the pinned {PinnedTraceDigest}. If sampling, mutation, crossover or the encoding changed on purpose, " +
            "pin the new value; if not, the space depends on more than the generator it is given (string.GetHashCode, HashSet or Dictionary order, the clock) and differs between processes.");
    }

    [Fact]
    public void Free_statistics_have_the_same_names_for_every_candidate_and_finite_values()
    {
        var space = CreateSpace();
        var population = Population(space, seed: 6);
        var names = space.FreeStatistics(population[0].Candidate).Keys.Order(StringComparer.Ordinal).ToList();
        Assert.All(population.Take(40), c =>
        {
            var statistics = space.FreeStatistics(c.Candidate);
            Assert.Equal(names, statistics.Keys.Order(StringComparer.Ordinal));
            Assert.All(statistics, s => Assert.True(double.IsFinite(s.Value), $"{c.Origin} {c.Candidate.Json}: {s.Key} is {s.Value}"));
        });
    }

    [Fact]
    public void Choice_descriptions_have_the_same_unique_names_in_the_same_order_for_every_candidate()
    {
        var space = CreateSpace();
        var population = Population(space, seed: 7);
        var names = space.DescribeChoices(population[0].Candidate).Select(p => p.Key).ToList();
        Assert.True(names.Count > 0, $"{population[0].Candidate.Json} is described by no choice");
        Assert.True(names.Distinct(StringComparer.Ordinal).Count() == names.Count, $"choice names repeat: {string.Join(", ", names)}");
        Assert.All(names, n => Assert.True(n.Length > 0 && n.Trim() == n && n.IndexOfAny(['=', ',', '"', '\n']) < 0,
            $"choice name '{n}' is empty, padded or holds '=', ',', a quote or a line break (it becomes a column header and a name=value pair)"));
        Assert.All(population, c =>
        {
            var described = space.DescribeChoices(c.Candidate);
            Assert.True(names.SequenceEqual(described.Select(p => p.Key)),
                $"{c.Origin} {c.Candidate.Json} is described by [{string.Join(", ", described.Select(p => p.Key))}], not [{string.Join(", ", names)}]");
            Assert.All(described, p => Assert.NotNull(p.Value));
        });
    }

    [Fact]
    public void Choice_descriptions_survive_a_json_round_trip_and_tell_candidates_apart()
    {
        var space = CreateSpace();
        var population = Population(space, seed: 8);
        Assert.All(population, c => Assert.Equal(space.DescribeChoices(c.Candidate), space.DescribeChoices(Candidate.Parse(c.Candidate.Json))));

        // The description is what a table shows instead of the JSON, so two different candidates must not look alike.
        var byDescription = new Dictionary<string, Candidate>(StringComparer.Ordinal);
        foreach (var (origin, candidate) in population)
        {
            var text = string.Join("\n", space.DescribeChoices(candidate).Select(p => p.Key + "=" + p.Value));
            Assert.False(byDescription.TryGetValue(text, out var twin) && !twin.Equals(candidate),
                $"{origin} {candidate.Json} and {twin?.Json} are different candidates with the same description:\n{text}");
            byDescription[text] = candidate;
        }
    }

    [Fact]
    public void Encoding_feature_names_name_every_coordinate_once()
    {
        var space = CreateSpace();
        var names = space.EncodingFeatureNames;
        Assert.True(names.Count == space.EncodingLength, $"{names.Count} encoding feature names for {space.EncodingLength} coordinates");
        Assert.All(names, n => Assert.False(string.IsNullOrWhiteSpace(n), "an encoding feature name is empty"));
        Assert.True(names.Distinct(StringComparer.Ordinal).Count() == names.Count, $"encoding feature names repeat: {string.Join(", ", names)}");
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("\"text\"")]
    [InlineData("null")]
    [InlineData("{\"unexpected\":[1,2]}")]
    public void Validate_reports_foreign_json_instead_of_throwing(string json)
    {
        var problems = CreateSpace().Validate(Candidate.Parse(json));
        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.False(string.IsNullOrWhiteSpace(p)));
    }

    /// <summary>
    /// A digest of what fixed seeds give: for seeds 0 to 4 a sample, a mutant and a crossover with the next
    /// sample, each candidate's JSON and encoding.
    /// </summary>
    public static string TraceDigest(ISearchSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        var text = new StringBuilder();
        for (var seed = 0; seed < 5; seed++)
        {
            var sample = space.Sample(new Random(seed));
            var mutant = space.Mutate(sample, new Random(seed + 100));
            var child = space.Crossover(sample, space.Sample(new Random(seed + 1)), new Random(seed + 200));
            foreach (var candidate in new[] { sample, mutant, child })
            {
                text.Append(candidate.Json).Append('|');
                text.AppendJoin(',', space.Encode(candidate).Select(v => v.ToString("R", CultureInfo.InvariantCulture))).Append('\n');
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())).AsSpan(0, 8));
    }

    /// <summary>Candidates reached from <paramref name="seed"/>: samples, walks of mutations, crossovers of both, and where each came from.</summary>
    protected IReadOnlyList<(string Origin, Candidate Candidate)> Population(ISearchSpace space, int seed)
    {
        ArgumentNullException.ThrowIfNull(space);
        var rng = new Random(seed);
        var population = new List<(string, Candidate)>();
        for (var walk = 0; walk < Walks; walk++)
        {
            var first = space.Sample(rng);
            var second = space.Sample(rng);
            population.Add(($"sample {walk}a", first));
            population.Add(($"sample {walk}b", second));
            var mutant = first;
            for (var step = 0; step < WalkLength; step++)
            {
                mutant = space.Mutate(mutant, rng);
                population.Add(($"mutant {walk}.{step}", mutant));
            }

            population.Add(($"crossover {walk} of samples", space.Crossover(first, second, rng)));
            population.Add(($"crossover {walk} of mutant and sample", space.Crossover(mutant, second, rng)));
        }

        return population;
    }
}
