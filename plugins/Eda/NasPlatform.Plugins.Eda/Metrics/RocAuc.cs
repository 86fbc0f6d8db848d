namespace NasPlatform.Plugins.Eda.Metrics;

/// <summary>
/// Area under the ROC curve of scores against 0/1 labels: the chance that a random positive scores
/// above a random negative, ties counting half (Mann-Whitney U with mid-ranks). 0.5 when a class is missing.
/// </summary>
public static class RocAuc
{
    public static double Compute(IReadOnlyList<float> scores, IReadOnlyList<float> labels)
    {
        if (scores.Count != labels.Count)
            throw new ArgumentException($"{scores.Count} scores but {labels.Count} labels.");
        var order = Enumerable.Range(0, scores.Count).ToArray();
        Array.Sort(order, (a, b) => scores[a].CompareTo(scores[b]));
        double positives = 0, rankSum = 0;
        var i = 0;
        while (i < order.Length)
        {
            var j = i;
            while (j + 1 < order.Length && scores[order[j + 1]] == scores[order[i]])
                j++;
            var midRank = (i + j) / 2.0 + 1;
            for (var k = i; k <= j; k++)
            {
                if (labels[order[k]] > 0.5f)
                {
                    positives++;
                    rankSum += midRank;
                }
            }

            i = j + 1;
        }

        var negatives = scores.Count - positives;
        if (positives == 0 || negatives == 0)
            return 0.5;
        return (rankSum - positives * (positives + 1) / 2) / (positives * negatives);
    }
}
