namespace NasPlatform.Abstractions.Objectives;

/// <summary>The objectives of an experiment, with the comparisons strategies need.</summary>
public sealed class ObjectiveSet
{
    /// <summary>Creates the set; at least one objective is required.</summary>
    public ObjectiveSet(IReadOnlyList<Objective> objectives)
    {
        ArgumentNullException.ThrowIfNull(objectives);
        if (objectives.Count == 0)
        {
            throw new ArgumentException("At least one objective is required.", nameof(objectives));
        }

        Objectives = objectives;
    }

    /// <summary>The objectives in declaration order; the first is the primary one.</summary>
    public IReadOnlyList<Objective> Objectives { get; }

    /// <summary>The first objective, used wherever a single scalar is needed.</summary>
    public Objective Primary => Objectives[0];

    /// <summary>Whether the set has more than one objective.</summary>
    public bool IsMultiObjective => Objectives.Count > 1;

    /// <summary>Utilities (larger is better) of each objective, in order; NaN where a metric is missing.</summary>
    public double[] Utilities(IReadOnlyDictionary<string, double> metrics) =>
        Objectives.Select(o => metrics.TryGetValue(o.Metric, out var v) ? o.Utility(v) : double.NaN).ToArray();

    /// <summary>
    /// Pareto dominance: <paramref name="a"/> is no worse in every objective and better in one.
    /// When either side lacks a metric of the set (NaN), neither dominates.
    /// </summary>
    public bool Dominates(IReadOnlyDictionary<string, double> a, IReadOnlyDictionary<string, double> b)
    {
        var ua = Utilities(a);
        var ub = Utilities(b);
        var strictlyBetter = false;
        for (var i = 0; i < ua.Length; i++)
        {
            // Written so a NaN (missing metric) on either side is never "no worse".
            if (!(ua[i] >= ub[i]))
            {
                return false;
            }

            strictlyBetter |= ua[i] > ub[i];
        }

        return strictlyBetter;
    }

    /// <summary>
    /// Compares two results: Pareto dominance first, then the primary objective. Positive when
    /// <paramref name="a"/> is better.
    /// </summary>
    public int Compare(IReadOnlyDictionary<string, double> a, IReadOnlyDictionary<string, double> b)
    {
        if (Dominates(a, b))
        {
            return 1;
        }

        if (Dominates(b, a))
        {
            return -1;
        }

        return Utilities(a)[0].CompareTo(Utilities(b)[0]);
    }
}
