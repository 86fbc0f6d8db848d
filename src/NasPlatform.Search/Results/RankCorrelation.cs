namespace NasPlatform.Search.Results;

/// <summary>
/// Rank correlations between two measurements of the same items: how well one ranking (a cheap
/// fidelity, a predictor) agrees with another (the highest fidelity, the measured metric).
/// Both are NaN when undefined: fewer than two items, or one side all tied.
/// </summary>
public static class RankCorrelation
{
    /// <summary>
    /// Kendall's tau-b: (concordant − discordant) / sqrt((n₀ − n₁)(n₀ − n₂)), where n₀ = n(n−1)/2
    /// and n₁, n₂ count the pairs tied in <paramref name="x"/> and in <paramref name="y"/>. A pair
    /// tied on either side is neither concordant nor discordant. O(n²), fine for thousands.
    /// </summary>
    public static double KendallTauB(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        CheckPaired(x, y);
        var n = x.Count;
        long concordant = 0;
        long discordant = 0;
        long tiedX = 0;
        long tiedY = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var dx = Math.Sign(x[i].CompareTo(x[j]));
                var dy = Math.Sign(y[i].CompareTo(y[j]));
                tiedX += dx == 0 ? 1 : 0;
                tiedY += dy == 0 ? 1 : 0;
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
        return denominator > 0 ? (concordant - discordant) / denominator : double.NaN;
    }

    /// <summary>Spearman's rho: the Pearson correlation of the average ranks (ties share the mean of their ranks).</summary>
    public static double Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        CheckPaired(x, y);
        return Pearson(AverageRanks(x), AverageRanks(y));
    }

    /// <summary>Ranks from 1 (smallest); tied values get the mean of the ranks they span.</summary>
    public static double[] AverageRanks(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && values[order[end + 1]].Equals(values[order[start]]))
            {
                end++;
            }

            var rank = (start + end) / 2.0 + 1;
            for (var k = start; k <= end; k++)
            {
                ranks[order[k]] = rank;
            }

            start = end + 1;
        }

        return ranks;
    }

    /// <summary>Pearson's correlation coefficient; NaN when either sample is constant or n &lt; 2.</summary>
    public static double Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        CheckPaired(x, y);
        if (x.Count < 2)
        {
            return double.NaN;
        }

        var meanX = x.Average();
        var meanY = y.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Count; i++)
        {
            sxy += (x[i] - meanX) * (y[i] - meanY);
            sxx += (x[i] - meanX) * (x[i] - meanX);
            syy += (y[i] - meanY) * (y[i] - meanY);
        }

        return sxx > 0 && syy > 0 ? sxy / Math.Sqrt(sxx * syy) : double.NaN;
    }

    private static void CheckPaired(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"Rank correlation needs paired values; got {x.Count} and {y.Count}.", nameof(y));
        }

        if (x.Any(double.IsNaN) || y.Any(double.IsNaN))
        {
            throw new ArgumentException("Rank correlation needs numbers; a value is NaN.", nameof(x));
        }
    }
}
