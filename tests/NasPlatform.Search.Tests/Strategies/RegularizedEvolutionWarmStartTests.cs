using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Search;
using NasPlatform.Abstractions.Spaces;
using NasPlatform.Search.Strategies;
using NasPlatform.Testing.Domains;
using Newtonsoft.Json.Linq;

namespace NasPlatform.Search.Tests.Strategies;

/// <summary>"warmStart": the child a tournament's winner is mutated into is handed to the space with the winner's finished trial.</summary>
public sealed class RegularizedEvolutionWarmStartTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_child_inherits_from_its_parents_trial_only_with_warmStart(bool warmStart)
    {
        var space = new WarmLineSpace();
        var evolution = new RegularizedEvolution(space, Outcomes.MaximizeScore, populationSize: 1, sampleSize: 1) { WarmStart = warmStart };
        evolution.Tell(Outcomes.Completed(0, x: 10, score: 7));

        var proposal = evolution.Ask(new Random(0));

        Assert.Equal([0], proposal.Parents);
        double? from = warmStart ? 7.0 : null;
        Assert.Equal(from, proposal.Candidate.ToJson().Value<double?>("from"));
        List<int> warmStartedFrom = warmStart ? [0] : [];
        Assert.Equal(warmStartedFrom, space.WarmStartedFrom);
    }

    [Fact]
    public void A_child_of_a_transferred_seed_inherits_from_it_but_names_no_parent()
    {
        var space = new WarmLineSpace();
        // Trial 4 of another experiment: this experiment's trial 4 is something else.
        var evolution = new RegularizedEvolution(space, Outcomes.MaximizeScore, populationSize: 2, sampleSize: 1, seeds: [Outcomes.Completed(4, x: 10, score: 5)]) { WarmStart = true };

        var proposal = evolution.Ask(new Random(0));

        Assert.Empty(proposal.Parents);
        Assert.Equal(5.0, proposal.Candidate.ToJson().Value<double?>("from"));
    }

    [Fact]
    public void Seeds_fill_the_population_worst_first_so_the_best_age_last()
    {
        // By number the best seed is the oldest (an ADAPT run's cheapest accurate circuit comes first).
        var evolution = new RegularizedEvolution(new LineSpace(1000), Outcomes.MaximizeScore, populationSize: 2, sampleSize: 1,
            seeds: [Outcomes.Completed(0, x: 10, score: 9), Outcomes.Completed(1, x: 11, score: 1), Outcomes.Completed(2, x: 12, score: 5)]);

        Assert.Equal([12, 10], evolution.Population.Select(o => LineSpace.X(o.Candidate)));
        evolution.Tell(Outcomes.Completed(0, x: 13, score: 0));
        Assert.Equal([10, 13], evolution.Population.Select(o => LineSpace.X(o.Candidate)));
    }

    /// <summary>The line space whose warm-started child records the parent's score as "from".</summary>
    private sealed class WarmLineSpace : ISearchSpace, IWarmStartSpace
    {
        private readonly LineSpace _line = new(1000);

        public List<int> WarmStartedFrom { get; } = [];

        public int EncodingLength => _line.EncodingLength;

        public Candidate WarmStart(Candidate child, TrialOutcome parent)
        {
            WarmStartedFrom.Add(parent.Number);
            return Candidate.From(new JObject { ["x"] = LineSpace.X(child), ["from"] = parent.Metrics["score"] });
        }

        public Candidate Sample(Random rng) => _line.Sample(rng);

        public Candidate Mutate(Candidate parent, Random rng) => _line.Mutate(parent, rng);

        public Candidate Crossover(Candidate first, Candidate second, Random rng) => _line.Crossover(first, second, rng);

        public IReadOnlyList<string> Validate(Candidate candidate) => [];

        public double[] Encode(Candidate candidate) => _line.Encode(candidate);

        public IReadOnlyDictionary<string, double> FreeStatistics(Candidate candidate) => _line.FreeStatistics(candidate);
    }
}
