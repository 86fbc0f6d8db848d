using System.Globalization;

namespace NasPlatform.Reporting.Analysis;

/// <summary>One choice's share of what a metric depends on.</summary>
/// <param name="Choice">The choice's name, from the space's <c>DescribeChoices</c>.</param>
/// <param name="Importance">Its share, from 0 to 1; the shares of all choices add to 1 unless all are 0.</param>
public sealed record ChoiceImportance(string Choice, double Importance);

/// <summary>
/// Which architecture choices a metric depends on: permutation importance on a random-forest surrogate. The forest is
/// fitted to the choices (a numeric choice by its value, a categorical one by its values ranked by their mean metric,
/// so a threshold split can separate any two groups); each tree's out-of-bag error is measured, then again with one
/// choice's values shuffled among the out-of-bag trials. The rise in error, averaged over trees and normalised over
/// the choices, is that choice's importance: a metric that depends on one choice only gives it about all of it.
/// </summary>
public static class ParameterImportance
{
    /// <summary>Fewer usable trials than this give no importances (a forest on a handful of points says nothing).</summary>
    public const int MinimumTrials = 8;

    /// <summary>
    /// The importance of each of <paramref name="names"/> for <paramref name="metric"/>; <paramref name="rows"/> holds
    /// each trial's choice values in <paramref name="names"/> order. Empty with fewer than <see cref="MinimumTrials"/>
    /// finite metric values.
    /// </summary>
    public static IReadOnlyList<ChoiceImportance> Compute(IReadOnlyList<string> names, IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyList<double> metric, int seed, int trees = 100)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(metric);
        if (rows.Count != metric.Count)
        {
            throw new ArgumentException($"{rows.Count} rows of choices but {metric.Count} metric values.", nameof(metric));
        }

        var usable = Enumerable.Range(0, rows.Count).Where(i => double.IsFinite(metric[i])).ToList();
        if (usable.Count < MinimumTrials || names.Count == 0)
        {
            return [];
        }

        var y = usable.Select(i => metric[i]).ToArray();
        var x = Encode(names.Count, usable.Select(i => rows[i]).ToList(), y);
        var random = new Random(seed);
        var forest = RegressionForest.Fit(x, y, trees, random);
        var rise = new double[names.Count];
        for (var t = 0; t < forest.Count; t++)
        {
            var outOfBag = Enumerable.Range(0, y.Length).Where(r => !forest.InBag(t, r)).ToArray();
            if (outOfBag.Length < 2)
            {
                continue;
            }

            var baseline = outOfBag.Average(r => Square(forest.Predict(t, x[r]) - y[r]));
            for (var f = 0; f < names.Count; f++)
            {
                var shuffled = outOfBag.OrderBy(_ => random.Next()).ToArray();
                var error = 0.0;
                for (var k = 0; k < outOfBag.Length; k++)
                {
                    var row = (double[])x[outOfBag[k]].Clone();
                    row[f] = x[shuffled[k]][f];
                    error += Square(forest.Predict(t, row) - y[outOfBag[k]]);
                }

                rise[f] += (error / outOfBag.Length) - baseline;
            }
        }

        var positive = rise.Select(r => Math.Max(0, r)).ToArray();
        var sum = positive.Sum();
        return [.. names.Select((n, f) => new ChoiceImportance(n, sum > 0 ? positive[f] / sum : 0))];
    }

    // Numeric columns keep their values; categorical ones get the rank of their value's mean metric.
    private static double[][] Encode(int features, List<IReadOnlyList<string>> rows, double[] y)
    {
        var x = rows.Select(_ => new double[features]).ToArray();
        for (var f = 0; f < features; f++)
        {
            var values = rows.Select(r => f < r.Count ? r[f] : string.Empty).ToList();
            if (values.All(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
            {
                for (var i = 0; i < rows.Count; i++)
                {
                    x[i][f] = double.Parse(values[i], NumberStyles.Float, CultureInfo.InvariantCulture);
                }

                continue;
            }

            var rank = values.Select((v, i) => (v, y[i])).GroupBy(p => p.v, StringComparer.Ordinal)
                .OrderBy(g => g.Average(p => p.Item2)).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select((g, k) => (g.Key, k)).ToDictionary(p => p.Key, p => (double)p.k, StringComparer.Ordinal);
            for (var i = 0; i < rows.Count; i++)
            {
                x[i][f] = rank[values[i]];
            }
        }

        return x;
    }

    private static double Square(double v) => v * v;
}
