namespace NasPlatform.Plugins.Eda.Metrics;

/// <summary>
/// Kendall's tau-b between predictions and truths (ties in either handled as in scipy.stats.kendalltau):
/// (concordant - discordant) / sqrt((n0 - ties_x) (n0 - ties_y)). O(n^2), fine for a few thousand samples.
/// </summary>
public static class KendallTau
{
    public static double Compute(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count != y.Count)
            throw new ArgumentException($"{x.Count} predictions but {y.Count} truths.");
        long concordant = 0, discordant = 0, tiesX = 0, tiesY = 0, pairs = 0;
        for (var i = 0; i < x.Count; i++)
        {
            for (var j = i + 1; j < x.Count; j++)
            {
                pairs++;
                var dx = Math.Sign(x[i] - x[j]);
                var dy = Math.Sign(y[i] - y[j]);
                if (dx == 0)
                    tiesX++;
                if (dy == 0)
                    tiesY++;
                if (dx != 0 && dy != 0)
                {
                    if (dx == dy)
                        concordant++;
                    else
                        discordant++;
                }
            }
        }

        var denominator = Math.Sqrt((double)(pairs - tiesX) * (pairs - tiesY));
        return denominator > 0 ? (concordant - discordant) / denominator : 0;
    }

    /// <summary>
    /// The mean of tau-b within each group (groups of one sample skipped): ranks placements against
    /// others routed under the same conditions, so knobs that are model inputs cannot carry the score.
    /// </summary>
    /// <param name="x">Predictions.</param>
    /// <param name="y">Truths.</param>
    /// <param name="groups">Each sample's group name.</param>
    /// <param name="skipTiedTruths">Also skip groups whose truths are all equal (nothing to rank; their tau-b would count as 0).</param>
    public static double WithinGroups(IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<string> groups, bool skipTiedTruths = false)
    {
        if (groups.Count != x.Count)
            throw new ArgumentException($"{x.Count} predictions but {groups.Count} group names.");
        var taus = Enumerable.Range(0, x.Count)
            .GroupBy(i => groups[i], StringComparer.Ordinal)
            .Where(g => g.Count() >= 2 && !(skipTiedTruths && g.All(i => y[i] == y[g.First()])))
            .Select(g => Compute(g.Select(i => x[i]).ToList(), g.Select(i => y[i]).ToList()))
            .ToList();
        return taus.Count == 0 ? 0 : taus.Average();
    }
}
