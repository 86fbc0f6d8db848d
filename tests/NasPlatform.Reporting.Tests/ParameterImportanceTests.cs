using System.Globalization;
using NasPlatform.Reporting.Analysis;

namespace NasPlatform.Reporting.Tests;

/// <summary>Permutation importance on the random-forest surrogate, against cases whose answer is known by hand.</summary>
public sealed class ParameterImportanceTests
{
    private static readonly string[] Ops = ["none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"];

    [Fact]
    public void AMetricOfOneCategoricalChoiceGivesThatChoiceAlmostAllTheImportance()
    {
        var random = new Random(5);
        var names = new[] { "edge_1_0", "edge_2_0", "edge_2_1", "edge_3_0" };
        var rows = Enumerable.Range(0, 120).Select(_ => (IReadOnlyList<string>)[.. names.Select(_ => Ops[random.Next(Ops.Length)])]).ToList();
        // Only edge_2_1 matters, and not monotonically in the op list's order (the encoding ranks ops by their mean).
        var worth = new Dictionary<string, double> { ["none"] = 3, ["skip_connect"] = 0, ["nor_conv_1x1"] = 7, ["nor_conv_3x3"] = 1, ["avg_pool_3x3"] = 4 };
        var metric = rows.Select(r => worth[r[2]]).ToList();

        var importance = ParameterImportance.Compute(names, rows, metric, seed: 1);

        Assert.Equal(names, importance.Select(i => i.Choice));
        Assert.True(importance[2].Importance > 0.95, string.Join(", ", importance));
        Assert.Equal(1.0, importance.Sum(i => i.Importance), 9);
    }

    [Fact]
    public void AnAdditiveMetricSplitsImportanceAsTheSquaresOfItsCoefficients()
    {
        // metric = 2a + b over a balanced full factorial of binary a, b and an unused c: shuffling a raises the squared
        // error by 2·2²·Var(a) = 2, shuffling b by 2·1²·Var(b) = 0.5, c by 0, so the shares are 0.8, 0.2 and 0.
        var rows = new List<IReadOnlyList<string>>();
        var metric = new List<double>();
        for (var copy = 0; copy < 24; copy++)
        {
            for (var code = 0; code < 8; code++)
            {
                int a = code & 1, b = (code >> 1) & 1, c = (code >> 2) & 1;
                rows.Add([S(a), S(b), S(c)]);
                metric.Add((2 * a) + b);
            }
        }

        var importance = ParameterImportance.Compute(["a", "b", "c"], rows, metric, seed: 2);

        Assert.Equal(0.8, importance[0].Importance, 0.05);
        Assert.Equal(0.2, importance[1].Importance, 0.05);
        Assert.True(importance[2].Importance < 0.02, string.Join(", ", importance));
    }

    [Fact]
    public void AConstantMetricGivesNoChoiceAnyImportanceAndTooFewTrialsGiveNone()
    {
        var rows = Enumerable.Range(0, 20).Select(i => (IReadOnlyList<string>)[S(i % 3), S(i % 2)]).ToList();
        var flat = ParameterImportance.Compute(["x", "y"], rows, [.. rows.Select(_ => 1.0)], seed: 1);
        Assert.All(flat, i => Assert.Equal(0, i.Importance));
        Assert.Empty(ParameterImportance.Compute(["x", "y"], rows.Take(5).ToList(), [1, 2, 3, 4, 5], seed: 1));
    }

    [Fact]
    public void TheSameSeedGivesTheSameImportances()
    {
        var random = new Random(9);
        var rows = Enumerable.Range(0, 40).Select(_ => (IReadOnlyList<string>)[Ops[random.Next(5)], S(random.Next(4))]).ToList();
        var metric = rows.Select((r, i) => r[0].Length + (0.1 * i)).ToList();
        Assert.Equal(ParameterImportance.Compute(["op", "k"], rows, metric, 4), ParameterImportance.Compute(["op", "k"], rows, metric, 4));
    }

    private static string S(int v) => v.ToString(CultureInfo.InvariantCulture);
}
