using NasPlatform.Abstractions;
using NasPlatform.Search.Strategies;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Objectives;
using NasPlatform.Engine.Strategies;
using NasPlatform.Testing.Domains;

namespace NasPlatform.Search.Tests.Strategies;

public sealed class RegularizedEvolutionTests
{
    [Fact]
    public void The_first_P_asks_are_random_samples()
    {
        var space = new LineSpace(1000);
        var evolution = new RegularizedEvolution(space, Outcomes.MaximizeScore, populationSize: 3, sampleSize: 2);

        for (var n = 0; n < 3; n++)
        {
            Assert.False(evolution.IsEvolving);
            Assert.Equal(space.Sample(new Random(n)), evolution.Ask(new Random(n)).Candidate);
            evolution.Tell(Outcomes.Completed(n, n, score: n));
        }

        Assert.True(evolution.IsEvolving);
        evolution.Ask(new Random(3));
        Assert.Single(space.MutatedParents);
    }

    [Fact]
    public void Mutates_the_best_of_the_tournament_pinned_for_a_seed()
    {
        var space = new LineSpace(1000);
        var evolution = new RegularizedEvolution(space, Outcomes.MaximizeScore, populationSize: 5, sampleSize: 2);
        double[] scores = [5, 1, 4, 2, 3];
        for (var n = 0; n < scores.Length; n++)
        {
            evolution.Tell(Outcomes.Completed(n, x: 100 + n, scores[n]));
        }

        var children = Enumerable.Range(0, 6).Select(seed => LineSpace.X(evolution.Ask(new Random(seed)).Candidate)).ToArray();

        // Pinned: which members each seed's tournament draws decides the parent.
        Assert.Equal([104, 100, 102, 103, 104, 101], space.MutatedParents);
        Assert.Equal([872, 567, 268, 968, 668, 364], children);
    }

    [Fact]
    public void With_S_equal_P_and_many_draws_the_best_member_is_nearly_always_the_parent()
    {
        var space = new LineSpace(1000);
        var evolution = new RegularizedEvolution(space, Outcomes.MaximizeScore, populationSize: 4, sampleSize: 4);
        double[] scores = [1, 9, 3, 2];
        for (var n = 0; n < scores.Length; n++)
        {
            evolution.Tell(Outcomes.Completed(n, x: n, scores[n]));
        }

        var rng = new Random(0);
        for (var i = 0; i < 1000; i++)
        {
            evolution.Ask(rng);
        }

        // The best (x = 1) is missed by a tournament of 4 draws with replacement with probability (3/4)^4 ≈ 0.32.
        var share = space.MutatedParents.Count(p => p == 1) / 1000.0;
        Assert.InRange(share, 0.63, 0.73);
    }

    [Fact]
    public void Aging_removes_the_oldest_member_even_when_it_is_the_best()
    {
        var evolution = new RegularizedEvolution(new LineSpace(1000), Outcomes.MaximizeScore, populationSize: 3, sampleSize: 3);

        evolution.Tell(Outcomes.Completed(0, x: 10, score: 99));
        evolution.Tell(Outcomes.Completed(1, x: 11, score: 1));
        evolution.Tell(Outcomes.Completed(2, x: 12, score: 2));
        Assert.Equal([10, 11, 12], evolution.Population.Select(o => LineSpace.X(o.Candidate)));

        evolution.Tell(Outcomes.Completed(3, x: 13, score: 3));

        Assert.Equal([11, 12, 13], evolution.Population.Select(o => LineSpace.X(o.Candidate)));
    }

    [Fact]
    public void Failed_and_infeasible_outcomes_do_not_join_the_population_but_count_as_told()
    {
        var space = new LineSpace(1000);
        var evolution = new RegularizedEvolution(space, Outcomes.MaximizeScore, populationSize: 3, sampleSize: 2);

        evolution.Tell(Outcomes.Completed(0, x: 1, score: 5));
        evolution.Tell(Outcomes.Failed(1, LineSpace.At(2)));
        evolution.Tell(Outcomes.Completed(2, x: 3, score: 50, feasible: false));

        Assert.Equal([1], evolution.Population.Select(o => LineSpace.X(o.Candidate)));
        Assert.True(evolution.IsEvolving);
        evolution.Ask(new Random(0));
        Assert.Equal([1], space.MutatedParents);
    }

    [Fact]
    public void With_only_failures_it_keeps_sampling()
    {
        var space = new LineSpace(1000);
        var evolution = new RegularizedEvolution(space, Outcomes.MaximizeScore, populationSize: 2, sampleSize: 1);
        evolution.Tell(Outcomes.Failed(0, LineSpace.At(1)));
        evolution.Tell(Outcomes.Failed(1, LineSpace.At(2)));

        Assert.False(evolution.IsEvolving);
        Assert.Equal(space.Sample(new Random(9)), evolution.Ask(new Random(9)).Candidate);
    }

    [Fact]
    public void Minimized_objectives_pick_the_smallest()
    {
        var space = new LineSpace(1000);
        var minimize = new ObjectiveSet([new Objective("score", Direction.Minimize)]);
        var evolution = new RegularizedEvolution(space, minimize, populationSize: 2, sampleSize: 2);
        evolution.Tell(Outcomes.Completed(0, x: 1, score: 5));
        evolution.Tell(Outcomes.Completed(1, x: 2, score: 0.5));

        var rng = new Random(1);
        for (var i = 0; i < 200; i++)
        {
            evolution.Ask(rng);
        }

        // x = 2 wins unless both draws hit x = 1 (probability 1/4).
        Assert.InRange(space.MutatedParents.Count(p => p == 2) / 200.0, 0.65, 0.85);
    }

    [Fact]
    public void Factory_applies_defaults_and_refuses_a_sample_larger_than_the_population()
    {
        var factory = new RegularizedEvolutionFactory();

        var defaults = Assert.IsType<RegularizedEvolution>(factory.Create(new RegularizedEvolutionOptions(), StrategyContexts.Context()));
        Assert.Equal(RegularizedEvolutionFactory.DefaultPopulationSize, defaults.PopulationSize);
        Assert.Equal(RegularizedEvolutionFactory.DefaultSampleSize, defaults.SampleSize);

        var error = Assert.Throws<NasConfigurationException>(() =>
            factory.Create(new RegularizedEvolutionOptions { PopulationSize = 4, SampleSize = 5 }, StrategyContexts.Context()));
        Assert.Contains("sampleSize (5) must be between 1 and populationSize (4)", error.Message);
    }
}
