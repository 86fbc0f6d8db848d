namespace NasPlatform.Search.Results;

/// <summary>
/// NSGA-II's two measures (Deb, Pratap, Agarwal, Meyarivan 2002, "A fast and elitist
/// multiobjective genetic algorithm: NSGA-II"): the fast non-dominated sort into fronts, and the
/// crowding distance within a front. Points are utilities (larger is better in every coordinate,
/// as <see cref="NasPlatform.Abstractions.Objectives.ObjectiveSet.Utilities"/> gives them).
/// </summary>
public static class NonDominatedSorting
{
    /// <summary>True when <paramref name="a"/> is no worse than <paramref name="b"/> everywhere and better somewhere.</summary>
    public static bool Dominates(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        var strictlyBetter = false;
        for (var i = 0; i < a.Count; i++)
        {
            if (a[i] < b[i])
            {
                return false;
            }

            strictlyBetter |= a[i] > b[i];
        }

        return strictlyBetter;
    }

    /// <summary>
    /// Splits the points into fronts: front 0 is the non-dominated set, front k the points
    /// dominated only by points of earlier fronts. Indices within a front are ascending.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<int>> Fronts(IReadOnlyList<double[]> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var n = points.Count;
        var dominated = new List<int>[n];
        var dominatedBy = new int[n];
        var current = new List<int>();
        for (var p = 0; p < n; p++)
        {
            dominated[p] = [];
            for (var q = 0; q < n; q++)
            {
                if (p == q)
                {
                    continue;
                }

                if (Dominates(points[p], points[q]))
                {
                    dominated[p].Add(q);
                }
                else if (Dominates(points[q], points[p]))
                {
                    dominatedBy[p]++;
                }
            }

            if (dominatedBy[p] == 0)
            {
                current.Add(p);
            }
        }

        var fronts = new List<IReadOnlyList<int>>();
        while (current.Count > 0)
        {
            fronts.Add(current);
            var next = new List<int>();
            foreach (var p in current)
            {
                foreach (var q in dominated[p])
                {
                    if (--dominatedBy[q] == 0)
                    {
                        next.Add(q);
                    }
                }
            }

            next.Sort();
            current = next;
        }

        return fronts;
    }

    /// <summary>
    /// The crowding distance of each member of <paramref name="front"/> (in the order given): for
    /// every objective, the members are sorted by it; the two extremes get infinity and each other
    /// member adds the gap between its neighbours, divided by the objective's range in the front.
    /// An objective with zero range adds nothing.
    /// </summary>
    public static double[] CrowdingDistances(IReadOnlyList<double[]> points, IReadOnlyList<int> front)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(front);
        var distances = new double[front.Count];
        if (front.Count == 0)
        {
            return distances;
        }

        var objectives = points[front[0]].Length;
        for (var m = 0; m < objectives; m++)
        {
            // Stable: members with equal values keep their order, so the result is deterministic.
            var order = Enumerable.Range(0, front.Count).OrderBy(k => points[front[k]][m]).ToArray();
            var min = points[front[order[0]]][m];
            var max = points[front[order[^1]]][m];
            distances[order[0]] = double.PositiveInfinity;
            distances[order[^1]] = double.PositiveInfinity;
            if (!(max > min))
            {
                continue;
            }

            for (var k = 1; k < order.Length - 1; k++)
            {
                distances[order[k]] += (points[front[order[k + 1]]][m] - points[front[order[k - 1]]][m]) / (max - min);
            }
        }

        return distances;
    }
}
