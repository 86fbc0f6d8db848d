using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Search;
using NasPlatform.Abstractions.Spaces;
using NasPlatform.Testing.Contracts;
using Xunit.Sdk;

namespace NasPlatform.Engine.Tests.Strategies.Contracts;

/// <summary>The contract tests of NasPlatform.Testing catch the faults they are there for (a kit that cannot fail checks nothing).</summary>
public sealed class ContractKitSelfTests
{
    [Fact]
    public void The_space_laws_pass_for_a_sound_space()
    {
        var laws = new SpaceLaws(() => new ContractBitSpace(), SearchSpaceContract.TraceDigest(new ContractBitSpace()));

        laws.Sampled_mutated_and_crossed_candidates_validate();
        laws.Mutation_gives_a_different_candidate();
        laws.A_seed_fixes_samples_mutations_and_crossovers_in_a_fresh_space_too();
        laws.The_trace_of_fixed_seeds_matches_the_pinned_digest_so_every_process_agrees();
        laws.Validate_reports_foreign_json_instead_of_throwing("[]");
    }

    [Fact]
    public void The_space_laws_catch_state_shared_between_instances_a_changed_trace_and_a_validate_that_throws()
    {
        var drifting = new SpaceLaws(() => new DriftingSpace(), "0000000000000000");
        Assert.ThrowsAny<XunitException>(drifting.A_seed_fixes_samples_mutations_and_crossovers_in_a_fresh_space_too);
        Assert.ThrowsAny<XunitException>(drifting.The_trace_of_fixed_seeds_matches_the_pinned_digest_so_every_process_agrees);

        // A space that reads candidates without checking them throws on foreign JSON instead of reporting it.
        var careless = new SpaceLaws(() => new CarelessSpace(), "0000000000000000");
        Assert.ThrowsAny<Exception>(() => careless.Validate_reports_foreign_json_instead_of_throwing("[]"));
        Assert.ThrowsAny<XunitException>(careless.Mutation_gives_a_different_candidate);
    }

    [Fact]
    public void The_strategy_laws_catch_a_strategy_with_a_generator_of_its_own()
    {
        var sound = new StrategyLaws(c => TestStrategies.Catalog.Create("random", new JObject(), c));
        sound.The_same_seed_and_outcomes_give_the_same_proposals(1);
        sound.A_fresh_strategy_replayed_from_the_record_proposes_what_the_original_proposes_next(12, 1);

        var clocked = new StrategyLaws(c => new OwnGeneratorStrategy(c.Space));
        Assert.ThrowsAny<XunitException>(() => clocked.The_same_seed_and_outcomes_give_the_same_proposals(1));
        Assert.ThrowsAny<XunitException>(() => clocked.A_fresh_strategy_replayed_from_the_record_proposes_what_the_original_proposes_next(12, 1));
    }

    [Fact]
    public void The_strategy_laws_catch_proposals_outside_the_space_and_at_unknown_fidelities()
    {
        var outside = new StrategyLaws(_ => new FixedProposalStrategy(Candidate.From(new JObject { ["bits"] = new JArray(1, 2) }), null));
        Assert.ThrowsAny<XunitException>(() => outside.Proposals_are_valid_candidates_at_fidelities_the_evaluator_offers(1));

        var unknownFidelity = new StrategyLaws(c => new FixedProposalStrategy(null, "huge", c.Space));
        Assert.ThrowsAny<XunitException>(() => unknownFidelity.Proposals_are_valid_candidates_at_fidelities_the_evaluator_offers(1));
    }

    private sealed class SpaceLaws(Func<ISearchSpace> create, string digest) : SearchSpaceContract
    {
        protected override string PinnedTraceDigest => digest;

        protected override ISearchSpace CreateSpace() => create();
    }

    private sealed class StrategyLaws(Func<StrategyContext, ISearchStrategy> create) : SearchStrategyContract
    {
        protected override int Trials => 20;

        protected override ISearchStrategy CreateStrategy(StrategyContext context) => create(context);
    }

    /// <summary>Samples depend on a generator shared by all instances, besides the one they are given.</summary>
    private sealed class DriftingSpace : ISearchSpace
    {
        private static readonly Random Shared = new(1);
        private readonly ContractBitSpace _inner = new();

        public int EncodingLength => _inner.EncodingLength;

        public Candidate Sample(Random rng)
        {
            lock (Shared)
                return Shared.Next(2) == 0 ? _inner.Mutate(_inner.Sample(rng), rng) : _inner.Sample(rng);
        }

        public Candidate Mutate(Candidate parent, Random rng) => _inner.Mutate(parent, rng);

        public Candidate Crossover(Candidate first, Candidate second, Random rng) => _inner.Crossover(first, second, rng);

        public IReadOnlyList<string> Validate(Candidate candidate) => _inner.Validate(candidate);

        public double[] Encode(Candidate candidate) => _inner.Encode(candidate);

        public IReadOnlyDictionary<string, double> FreeStatistics(Candidate candidate) => _inner.FreeStatistics(candidate);
    }

    /// <summary>Reads "x" without checking (so foreign JSON throws) and mutates within a range of one value (so mutation can give the parent back).</summary>
    private sealed class CarelessSpace : ISearchSpace
    {
        public int EncodingLength => 1;

        public Candidate Sample(Random rng) => At(rng.Next(3));

        public Candidate Mutate(Candidate parent, Random rng) => At(X(parent) + rng.Next(2) - rng.Next(2));

        public Candidate Crossover(Candidate first, Candidate second, Random rng) => rng.Next(2) == 0 ? first : second;

        public IReadOnlyList<string> Validate(Candidate candidate) => X(candidate) >= -1000 ? [] : ["too small"];

        public double[] Encode(Candidate candidate) => [X(candidate)];

        public IReadOnlyDictionary<string, double> FreeStatistics(Candidate candidate) => new Dictionary<string, double>();

        private static Candidate At(int x) => Candidate.From(new JObject { ["x"] = x });

        private static int X(Candidate candidate) => (int)candidate.ToJson()["x"]!;
    }

    /// <summary>Draws from a generator of its own, seeded by the clock: neither repeatable nor resumable.</summary>
    private sealed class OwnGeneratorStrategy(ISearchSpace space) : ISearchStrategy
    {
        private readonly Random _own = new(Environment.TickCount ^ Guid.NewGuid().GetHashCode());

        public TrialProposal Ask(Random rng) => new(space.Sample(_own));

        public void Tell(TrialOutcome outcome)
        {
            // Learns nothing.
        }
    }

    /// <summary>Proposes a given candidate (or samples), at a given fidelity.</summary>
    private sealed class FixedProposalStrategy(Candidate? candidate, string? fidelity, ISearchSpace? space = null) : ISearchStrategy
    {
        private int _asked;

        public TrialProposal Ask(Random rng) => new(candidate is null ? space!.Sample(rng) : WithCounter(candidate, _asked++), fidelity);

        public void Tell(TrialOutcome outcome)
        {
            // Learns nothing.
        }

        // Distinct candidates, so the driver does not refuse them as already evaluated.
        private static Candidate WithCounter(Candidate candidate, int n)
        {
            var json = (JObject)candidate.ToJson();
            json["n"] = n;
            return Candidate.From(json);
        }
    }
}
