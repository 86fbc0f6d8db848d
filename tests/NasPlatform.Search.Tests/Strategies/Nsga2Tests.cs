using NasPlatform.Abstractions;
using NasPlatform.Search.Strategies;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Objectives;
using NasPlatform.Abstractions.Search;
using NasPlatform.Engine.Strategies;
using NasPlatform.Testing.Domains;

namespace NasPlatform.Search.Tests.Strategies;

public sealed class Nsga2Tests
{
    private static readonly ObjectiveSet ScoreAndCost = new([new Objective("score", Direction.Maximize), new Objective("cost", Direction.Minimize)]);

    [Fact]
    public void Ranks_a_hand_made_set_into_fronts_with_crowding_and_infeasible_trials_last()
    {
        // (score, cost): A..D trade off (front 0), F is dominated by B and C (front 1), E by F (front 2).
        // G would dominate everything, but it is infeasible, so it ranks after every feasible trial.
        TrialOutcome[] outcomes =
        [
            Outcome(0, 1, 1), // A
            Outcome(1, 2, 2), // B
            Outcome(2, 3, 3), // C
            Outcome(3, 4, 5), // D
            Outcome(4, 1, 5), // E
            Outcome(5, 2, 4), // F
            Outcome(6, 9, 0, feasible: false), // G
        ];

        var ranked = Nsga2.Rank(outcomes, ScoreAndCost);

        // Within front 0: the extremes A and D (infinite crowding) first, then C, then B (values below).
        Assert.Equal([0, 3, 2, 1, 5, 4, 6], ranked.Select(r => r.Outcome.Number));
        Assert.Equal([0, 0, 0, 0, 1, 2, 3], ranked.Select(r => r.Rank));
        // Score range 3: B = (3-1)/3, C = (4-2)/3. Cost utilities -1,-2,-3,-5 (range 4): B = (-1+3)/4, C = (-2+5)/4.
        Assert.Equal(2.0 / 3 + 0.5, ranked.Single(r => r.Outcome.Number == 1).Crowding, 12);
        Assert.Equal(2.0 / 3 + 0.75, ranked.Single(r => r.Outcome.Number == 2).Crowding, 12);
    }

    [Fact]
    public void The_first_generation_is_random_then_the_best_N_survive_and_failures_never_do()
    {
        var space = new LineSpace(1000);
        var nsga = new Nsga2(space, ScoreAndCost, populationSize: 4, crossoverProbability: 0.9, mutationProbability: 1);

        for (var n = 0; n < 4; n++)
        {
            Assert.Equal(space.Sample(new Random(n)), nsga.Ask(new Random(n)).Candidate);
        }

        nsga.Tell(Outcome(0, 1, 1));
        nsga.Tell(Outcome(1, 3, 3));
        nsga.Tell(Outcome(2, 0, 5)); // dominated by both
        Assert.Equal(0, nsga.Generation);
        nsga.Tell(Outcomes.Failed(3, LineSpace.At(3)));
        Assert.Equal(1, nsga.Generation);
        Assert.Equal([0, 1, 2], nsga.Population.Select(p => p.Outcome.Number));

        // Generation 1: two children join; the pool of 5 keeps the best 4.
        nsga.Tell(Outcome(4, 5, 1)); // dominates 0 and 1
        nsga.Tell(Outcome(5, 2, 2));
        nsga.Tell(Outcome(6, 0, 9));
        nsga.Tell(Outcome(7, 1, 0.5));
        Assert.Equal(2, nsga.Generation);
        Assert.Equal(4, nsga.Population.Count);
        Assert.DoesNotContain(nsga.Population, p => p.Outcome.Number is 6 or 2);
        Assert.Equal(0, nsga.Population[0].Rank);
        Assert.Contains(nsga.Population, p => p.Outcome.Number == 4);
    }

    [Fact]
    public void Tournaments_prefer_the_lower_rank()
    {
        var space = new LineSpace(1000);
        var nsga = new Nsga2(space, ScoreAndCost, populationSize: 2, crossoverProbability: 0, mutationProbability: 1);
        nsga.Tell(Outcome(0, 5, 1, x: 500)); // dominates the other
        nsga.Tell(Outcome(1, 1, 5, x: 100));

        var rng = new Random(3);
        for (var i = 0; i < 50; i++)
        {
            nsga.Ask(rng);
        }

        // Without crossover every child is a mutated copy of the first tournament's winner.
        Assert.Equal(50, space.MutatedParents.Count);
        Assert.All(space.MutatedParents, p => Assert.Equal(500, p));
    }

    [Fact]
    public void Equal_ranks_go_to_the_larger_crowding_distance()
    {
        var space = new LineSpace(1000);
        var nsga = new Nsga2(space, ScoreAndCost, populationSize: 3, crossoverProbability: 0, mutationProbability: 1);
        nsga.Tell(Outcome(0, 1, 1, x: 100)); // extreme: infinite crowding
        nsga.Tell(Outcome(1, 2, 2, x: 200)); // middle: finite
        nsga.Tell(Outcome(2, 3, 3, x: 300)); // extreme

        var rng = new Random(5);
        for (var i = 0; i < 200; i++)
        {
            nsga.Ask(rng);
        }

        // The middle member wins only a tournament against itself, which distinct draws rule out.
        Assert.DoesNotContain(200, space.MutatedParents);
    }

    [Fact]
    public void The_factory_reads_its_options_and_the_catalog_validates_them()
    {
        var context = new StrategyContext(new LineSpace(10), ScoreAndCost, [], new NasPlatform.Abstractions.Evaluation.Fidelity("full"), 1);

        var nsga = Assert.IsType<Nsga2>(TestStrategies.Catalog.Create("nsga2", new JObject { ["populationSize"] = 6, ["crossoverProbability"] = 0.5 }, context));

        Assert.Equal(6, nsga.PopulationSize);
        Assert.Equal(0.5, nsga.CrossoverProbability);
        Assert.Equal(1.0, nsga.MutationProbability);
        var error = Assert.Throws<NasConfigurationException>(() => TestStrategies.Catalog.Create("nsga2", new JObject { ["populationSize"] = 1 }, context));
        Assert.Contains("populationSize", error.Message);
    }

    private static TrialOutcome Outcome(int number, double score, double cost, bool feasible = true, int? x = null) =>
        new(number, LineSpace.At(x ?? number), "full", TrialState.Completed,
            new Dictionary<string, double> { ["score"] = score, ["cost"] = cost }, new Dictionary<string, double>(), feasible);
}
