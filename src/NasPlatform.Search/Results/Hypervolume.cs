namespace NasPlatform.Search.Results;

/// <summary>
/// The hypervolume indicator: the volume of the region that a set of points dominates and that
/// dominates a reference point. Points and reference are utilities (larger is better in every
/// coordinate); a point not strictly better than the reference in every coordinate adds nothing.
/// Exact in any dimension: a sweep in two dimensions, and above that the WFG recursion (While,
/// Bradstreet, Barone 2012: the volume of a set is the sum of each point's exclusive volume,
/// computed from the set "limited" by that point), which is quick for fronts of tens of points.
/// </summary>
public static class Hypervolume
{
    /// <summary>The hypervolume of <paramref name="points"/> with respect to <paramref name="reference"/>.</summary>
    /// <exception cref="ArgumentException">A point's dimension differs from the reference's, or a value is NaN.</exception>
    public static double Of(IEnumerable<IReadOnlyList<double>> points, IReadOnlyList<double> reference)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.Count == 0 || reference.Any(double.IsNaN))
        {
            throw new ArgumentException("The reference point needs at least one coordinate and no NaN.", nameof(reference));
        }

        var kept = new List<double[]>();
        foreach (var point in points)
        {
            if (point.Count != reference.Count || point.Any(double.IsNaN))
            {
                throw new ArgumentException($"Every point needs {reference.Count} numbers, like the reference point.", nameof(points));
            }

            if (point.Select((v, i) => v > reference[i]).All(b => b))
            {
                kept.Add(point.ToArray());
            }
        }

        return Volume(NonDominated(kept), reference.ToArray());
    }

    private static double Volume(List<double[]> points, double[] reference)
    {
        if (points.Count == 0)
        {
            return 0;
        }

        var d = reference.Length;
        if (d == 1)
        {
            return points.Max(p => p[0]) - reference[0];
        }

        if (d == 2)
        {
            // Non-dominated points sorted by x descending have y ascending: a staircase.
            var sorted = points.OrderByDescending(p => p[0]).ToList();
            var volume = 0.0;
            var previousY = reference[1];
            foreach (var p in sorted)
            {
                volume += (p[0] - reference[0]) * (p[1] - previousY);
                previousY = p[1];
            }

            return volume;
        }

        // Sorting by the last coordinate keeps the limited sets small (WFG's heuristic).
        var order = points.OrderByDescending(p => p[d - 1]).ToList();
        var total = 0.0;
        for (var i = 0; i < order.Count; i++)
        {
            var p = order[i];
            var limited = new List<double[]>(order.Count - i - 1);
            for (var j = i + 1; j < order.Count; j++)
            {
                limited.Add(order[j].Select((v, k) => Math.Min(v, p[k])).ToArray());
            }

            total += Box(p, reference) - Volume(NonDominated(limited), reference);
        }

        return total;
    }

    private static double Box(double[] point, double[] reference)
    {
        var volume = 1.0;
        for (var k = 0; k < point.Length; k++)
        {
            volume *= point[k] - reference[k];
        }

        return volume;
    }

    /// <summary>The points no other point dominates, each distinct point once.</summary>
    private static List<double[]> NonDominated(List<double[]> points)
    {
        var result = new List<double[]>();
        foreach (var p in points)
        {
            if (result.Any(q => NonDominatedSorting.Dominates(q, p) || q.SequenceEqual(p)))
            {
                continue;
            }

            result.RemoveAll(q => NonDominatedSorting.Dominates(p, q));
            result.Add(p);
        }

        return result;
    }
}
