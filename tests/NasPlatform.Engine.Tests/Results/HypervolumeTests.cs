using NasPlatform.Search.Results;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Objectives;
using NasPlatform.Abstractions.Search;
using NasPlatform.Engine.Results;
using NasPlatform.Engine.Storage;
using NasPlatform.Testing.Domains;

namespace NasPlatform.Engine.Tests.Results;

public sealed class HypervolumeTests
{
    [Fact]
    public void A_two_dimensional_staircase_has_the_area_of_its_boxes()
    {
        // Boxes [0,1]x[0,3], [0,2]x[0,2], [0,3]x[0,1]: columns of height 3, 2 and 1.
        double[][] front = [[1, 3], [2, 2], [3, 1]];
        Assert.Equal(6, Hypervolume.Of(front, [0, 0]), 12);

        // Dominated points, duplicates and points not beyond the reference add nothing.
        double[][] noisy = [[1, 3], [2, 2], [3, 1], [1, 1], [2, 2], [-1, 5], [4, 0]];
        Assert.Equal(6, Hypervolume.Of(noisy, [0, 0]), 12);
        // Against (1, 1) only (2, 2) lies strictly beyond the reference.
        Assert.Equal(1, Hypervolume.Of(front, [1, 1]), 12);
        Assert.Equal(0, Hypervolume.Of([], [0.0, 0]));
    }

    [Fact]
    public void Three_dimensional_fronts_match_inclusion_exclusion_by_hand()
    {
        Assert.Equal(8, Hypervolume.Of([[2.0, 2, 2]], [0.0, 0, 0]), 12);
        // 2 + 2 - the shared unit cube.
        Assert.Equal(3, Hypervolume.Of([[2.0, 1, 1], [1.0, 2, 1]], [0.0, 0, 0]), 12);
        // 3 * 3 - 3 pairwise unit cubes + the triple one.
        Assert.Equal(7, Hypervolume.Of([[3.0, 1, 1], [1.0, 3, 1], [1.0, 1, 3]], [0.0, 0, 0]), 12);
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(4, 3)]
    [InlineData(5, 4)]
    public void Random_sets_match_the_inclusion_exclusion_formula(int dimensions, int seed)
    {
        var rng = new Random(seed);
        for (var round = 0; round < 20; round++)
        {
            var points = Enumerable.Range(0, 1 + rng.Next(7))
                .Select(_ => Enumerable.Range(0, dimensions).Select(_ => Math.Round(rng.NextDouble() * 4 - 0.5, 2)).ToArray())
                .ToArray();
            var reference = new double[dimensions];

            Assert.Equal(InclusionExclusion(points, reference), Hypervolume.Of(points, reference), 9);
        }
    }

    [Fact]
    public void A_front_of_trials_is_measured_in_metric_units_with_minimized_objectives_turned()
    {
        var objectives = new ObjectiveSet([new Objective("accuracy", Direction.Maximize), new Objective("params", Direction.Minimize)]);
        TrialRecord[] front = [Trial(0, 0.9, 2), Trial(1, 0.95, 5)];

        var measure = FrontHypervolume.Measure(front, objectives, new Dictionary<string, double> { ["accuracy"] = 0, ["params"] = 10 });

        // Utilities (0.95, -5), (0.9, -2) against (0, -10): 0.95 * 5 + 0.9 * 3.
        Assert.Equal(7.45, measure.Value, 12);
        Assert.False(measure.Derived);
        Assert.Equal(10, measure.Reference["params"]);
        Assert.Equal(2, measure.FrontSize);
    }

    [Fact]
    public void A_missing_reference_is_the_nadir_moved_away_by_a_tenth_of_the_range()
    {
        var objectives = new ObjectiveSet([new Objective("accuracy", Direction.Maximize), new Objective("params", Direction.Minimize)]);
        TrialRecord[] front = [Trial(0, 0.9, 2), Trial(1, 0.95, 5)];

        var measure = FrontHypervolume.Measure(front, objectives, new Dictionary<string, double> { ["accuracy"] = 0 });

        Assert.True(measure.Derived);
        Assert.Equal(5.3, measure.Reference["params"], 12);
        // (0.95, -5), (0.9, -2) against (0, -5.3): 0.95 * 0.3 + 0.9 * 3.
        Assert.Equal(0.95 * 0.3 + 0.9 * 3, measure.Value, 12);

        var single = FrontHypervolume.Measure([Trial(0, 0.5, 0)], objectives, new Dictionary<string, double>());
        Assert.Equal(0.45, single.Reference["accuracy"], 12);
        Assert.Equal(0.1, single.Reference["params"], 12);
        Assert.Equal(0.05 * 0.1, single.Value, 12);
        Assert.Equal(0, FrontHypervolume.Measure([], objectives, new Dictionary<string, double>()).Value);
    }

    private static double InclusionExclusion(double[][] points, double[] reference)
    {
        var kept = points.Where(p => p.Select((v, i) => v > reference[i]).All(b => b)).ToArray();
        var total = 0.0;
        for (var mask = 1; mask < 1 << kept.Length; mask++)
        {
            var members = Enumerable.Range(0, kept.Length).Where(i => (mask >> i & 1) == 1).ToArray();
            var volume = 1.0;
            for (var k = 0; k < reference.Length; k++)
            {
                volume *= members.Min(i => kept[i][k]) - reference[k];
            }

            total += members.Length % 2 == 1 ? volume : -volume;
        }

        return total;
    }

    private static TrialRecord Trial(int number, double accuracy, double parameters) =>
        new(1, number, BitStringSpace.Make(Convert.ToString(number, 2)), BitStringSpace.Make(Convert.ToString(number, 2)).Hash, "full",
            TrialState.Completed, new Dictionary<string, double>(), new Dictionary<string, double> { ["accuracy"] = accuracy, ["params"] = parameters },
            true, null, null, DateTimeOffset.UnixEpoch, null, null, number, Array.Empty<Artifact>());
}
