using NasPlatform.Abstractions.Spaces;

namespace NasPlatform.Search.Predictors;

/// <summary>
/// Sampled candidates with their free statistics, which cost nothing: what a predictor's trunk is
/// pretrained on. Columns are the statistics every sample reports, in ordinal name order.
/// </summary>
public sealed record PretrainingSample(IReadOnlyList<double[]> Encodings, IReadOnlyList<double[]> Statistics, IReadOnlyList<string> Columns)
{
    /// <summary>Draws up to <paramref name="count"/> distinct candidates (fewer when the space is small).</summary>
    public static PretrainingSample Draw(ISearchSpace space, int count, Random rng)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(rng);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var encodings = new List<double[]>();
        var statistics = new List<IReadOnlyDictionary<string, double>>();
        for (var attempt = 0; attempt < count * 4 && encodings.Count < count; attempt++)
        {
            var candidate = space.Sample(rng);
            if (seen.Add(candidate.Hash))
            {
                encodings.Add(space.Encode(candidate));
                statistics.Add(space.FreeStatistics(candidate));
            }
        }

        var columns = statistics.Count == 0
            ? []
            : statistics.Skip(1).Aggregate(
                    statistics[0].Keys.AsEnumerable(),
                    (common, s) => common.Where(s.ContainsKey).ToArray())
                .Where(c => statistics.All(s => double.IsFinite(s[c])))
                .Order(StringComparer.Ordinal)
                .ToArray();
        var rows = statistics.Select(s => columns.Select(c => s[c]).ToArray()).ToArray();
        return new PretrainingSample(encodings, rows, columns);
    }

    /// <summary>True when there is something to pretrain on: samples and at least one statistic that varies.</summary>
    public bool IsUsable => Encodings.Count >= 2 && Columns.Count > 0
        && Enumerable.Range(0, Columns.Count).Any(c => Statistics.Any(r => r[c] != Statistics[0][c]));
}
