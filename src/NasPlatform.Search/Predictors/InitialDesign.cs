using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Spaces;

namespace NasPlatform.Search.Predictors;

/// <summary>
/// The first candidates of a predictor-based search, before any predictor exists. Space-filling:
/// from a pool of random samples, greedy farthest-point selection in the encoding (each pick is the
/// pool member farthest, in Euclidean distance, from everything picked so far), a quasi-random
/// design that works for any space with an encoding, categorical or continuous.
/// </summary>
public static class InitialDesign
{
    /// <summary>Pool samples drawn per candidate picked.</summary>
    public const int PoolFactor = 20;

    /// <summary>Picks up to <paramref name="count"/> admitted candidates not in <paramref name="exclude"/>.</summary>
    public static IReadOnlyList<Candidate> SpaceFilling(ISearchSpace space, int count, Random rng, Func<Candidate, bool> admits, IReadOnlySet<string> exclude)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentNullException.ThrowIfNull(admits);
        ArgumentNullException.ThrowIfNull(exclude);
        if (count <= 0)
        {
            return [];
        }

        var pool = new List<Candidate>();
        var seen = new HashSet<string>(exclude, StringComparer.Ordinal);
        var wanted = count * PoolFactor;
        for (var attempt = 0; attempt < wanted * 4 && pool.Count < wanted; attempt++)
        {
            var candidate = space.Sample(rng);
            if (seen.Add(candidate.Hash) && admits(candidate))
            {
                pool.Add(candidate);
            }
        }

        if (pool.Count <= count)
        {
            return pool;
        }

        var encodings = pool.Select(space.Encode).ToArray();
        var nearest = Enumerable.Repeat(double.PositiveInfinity, pool.Count).ToArray();
        var picked = new List<Candidate>(count);
        var next = 0;
        while (picked.Count < count)
        {
            picked.Add(pool[next]);
            nearest[next] = double.NegativeInfinity;
            var farthest = -1;
            for (var i = 0; i < pool.Count; i++)
            {
                if (double.IsNegativeInfinity(nearest[i]))
                {
                    continue;
                }

                nearest[i] = Math.Min(nearest[i], SquaredDistance(encodings[i], encodings[next]));
                if (farthest < 0 || nearest[i] > nearest[farthest])
                {
                    farthest = i;
                }
            }

            next = farthest;
        }

        return picked;
    }

    private static double SquaredDistance(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            var d = a[i] - b[i];
            sum += d * d;
        }

        return sum;
    }
}
