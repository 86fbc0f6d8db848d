using NasPlatform.Search.Results;
using NasPlatform.Engine.Results;

namespace NasPlatform.Search.Tests.Results;

public sealed class NonDominatedSortingTests
{
    // Utilities, larger is better: A..D trade off, F is dominated by B and C, E by F, G by all.
    private static readonly double[][] Points =
    [
        [1, 5], // 0 A
        [2, 4], // 1 B
        [3, 3], // 2 C
        [4, 1], // 3 D
        [1, 1], // 4 E
        [2, 2], // 5 F
        [0, 0], // 6 G
        [4, 1], // 7 H, equal to D: neither dominates the other
    ];

    [Fact]
    public void Sorts_a_hand_made_set_into_its_fronts()
    {
        var fronts = NonDominatedSorting.Fronts(Points);

        Assert.Equal(4, fronts.Count);
        Assert.Equal([0, 1, 2, 3, 7], fronts[0]);
        Assert.Equal([5], fronts[1]);
        Assert.Equal([4], fronts[2]);
        Assert.Equal([6], fronts[3]);
    }

    [Fact]
    public void Crowding_distance_matches_the_hand_computed_values()
    {
        // Objective 0 (range 3): A, D extreme; B = (3-1)/3, C = (4-2)/3.
        // Objective 1 (range 4): D, A extreme; C = (4-1)/4, B = (5-3)/4.
        var distances = NonDominatedSorting.CrowdingDistances(Points, [0, 1, 2, 3]);

        Assert.Equal(double.PositiveInfinity, distances[0]);
        Assert.Equal(2.0 / 3 + 0.5, distances[1], 12);
        Assert.Equal(2.0 / 3 + 0.75, distances[2], 12);
        Assert.Equal(double.PositiveInfinity, distances[3]);
    }

    [Fact]
    public void Fronts_of_two_or_fewer_members_are_all_boundary_and_flat_objectives_add_nothing()
    {
        Assert.All(NonDominatedSorting.CrowdingDistances(Points, [0, 3]), d => Assert.Equal(double.PositiveInfinity, d));
        double[][] flat = [[1, 0], [2, 0], [3, 0], [4, 0]];
        var distances = NonDominatedSorting.CrowdingDistances(flat, [0, 1, 2, 3]);
        Assert.Equal(2.0 / 3, distances[1], 12);
        Assert.Equal(2.0 / 3, distances[2], 12);
        Assert.Empty(NonDominatedSorting.CrowdingDistances(Points, []));
    }

    [Fact]
    public void Dominance_needs_no_worse_everywhere_and_better_somewhere()
    {
        Assert.True(NonDominatedSorting.Dominates([2.0, 4], [2.0, 2]));
        Assert.False(NonDominatedSorting.Dominates([2.0, 2], [2.0, 2]));
        Assert.False(NonDominatedSorting.Dominates([3.0, 1], [2.0, 2]));
    }
}
