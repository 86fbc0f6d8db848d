namespace NasPlatform.Engine.Predictors;

/// <summary>
/// Rank agreement between two paired samples, the measures predictor papers report: Kendall's
/// tau-b (ties in either sample accounted for, as scipy.stats.kendalltau) and Spearman's rho
/// (Pearson correlation of the average ranks, as scipy.stats.spearmanr).
/// </summary>
public static class RankCorrelation
{
    /// <summary>
    /// Kendall's tau-b = (C − D) / √((n₀ − n₁)(n₀ − n₂)), with C and D the concordant and
    /// discordant pairs, n₀ = n(n−1)/2, n₁ and n₂ the pairs tied in x and in y. O(n²), which suits
    /// the few hundred trials a predictor is judged on. NaN when either sample is constant or n &lt; 2.
    /// </summary>
    public static double KendallTauB(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        CheckPaired(x, y);
        long concordant = 0, discordant = 0, tiedX = 0, tiedY = 0;
        var n = x.Count;
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var dx = Math.Sign(x[i] - x[j]);
                var dy = Math.Sign(y[i] - y[j]);
                if (dx == 0)
                {
                    tiedX++;
                }

                if (dy == 0)
                {
                    tiedY++;
                }

                if (dx != 0 && dy != 0)
                {
                    if (dx == dy)
                    {
                        concordant++;
                    }
                    else
                    {
                        discordant++;
                    }
                }
            }
        }

        var pairs = (long)n * (n - 1) / 2;
        var denominator = Math.Sqrt((double)(pairs - tiedX) * (pairs - tiedY));
        return denominator == 0 ? double.NaN : (concordant - discordant) / denominator;
    }

    /// <summary>Spearman's rho: the Pearson correlation of the samples' ranks (ties get their average rank). NaN when either sample is constant or n &lt; 2.</summary>
    public static double SpearmanRho(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        CheckPaired(x, y);
        return Pearson(Ranks(x), Ranks(y));
    }

    /// <summary>Ranks from 1, ties getting the average of the ranks they span.</summary>
    public static double[] Ranks(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]])
            {
                end++;
            }

            var average = ((start + end) / 2.0) + 1;
            for (var k = start; k <= end; k++)
            {
                ranks[order[k]] = average;
            }

            start = end + 1;
        }

        return ranks;
    }

    /// <summary>Pearson's correlation coefficient; NaN when either sample is constant or n &lt; 2.</summary>
    public static double Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        CheckPaired(x, y);
        var n = x.Count;
        if (n < 2)
        {
            return double.NaN;
        }

        var meanX = x.Average();
        var meanY = y.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < n; i++)
        {
            var dx = x[i] - meanX;
            var dy = y[i] - meanY;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }

        return sxx == 0 || syy == 0 ? double.NaN : sxy / Math.Sqrt(sxx * syy);
    }

    private static void CheckPaired(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"The samples must pair up: {x.Count} values against {y.Count}.", nameof(y));
        }
    }
}
