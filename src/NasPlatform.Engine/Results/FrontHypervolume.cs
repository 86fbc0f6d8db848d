using NasPlatform.Search.Results;
using NasPlatform.Abstractions.Objectives;
using NasPlatform.Engine.Storage;

namespace NasPlatform.Engine.Results;

/// <summary>The hypervolume of a Pareto front, with the reference point it was measured from.</summary>
/// <param name="Value">The hypervolume, in the product of the objectives' units.</param>
/// <param name="Reference">The reference point in metric units, by metric (objectives whose reference could not be derived yet are missing).</param>
/// <param name="Derived">True when at least one coordinate of the reference was derived from the front rather than set in the experiment file.</param>
/// <param name="FrontSize">Members of the front.</param>
public sealed record HypervolumeMeasure(double Value, IReadOnlyDictionary<string, double> Reference, bool Derived, int FrontSize);

/// <summary>
/// Measures a front of trials: each objective's reference comes from the experiment file
/// (<c>objectives[i].reference</c>, in the metric's units: the worst value that still counts) or,
/// when it is not set, is derived from the front: its nadir (worst member value) moved away by
/// <see cref="DerivedMargin"/> of the front's range (of the nadir's magnitude when the range is
/// zero, of 1 when that is zero too), so every member counts. A derived reference moves as the
/// front changes, so hypervolumes measured with one are comparable only at the same moment; set
/// the references for values comparable across runs and time.
/// </summary>
public static class FrontHypervolume
{
    /// <summary>How far a derived reference lies beyond the nadir, as a fraction of the front's range.</summary>
    public const double DerivedMargin = 0.1;

    /// <summary>The hypervolume of <paramref name="front"/> (usable trials with every objective's metric).</summary>
    /// <param name="front">The Pareto front (dominated members would add nothing).</param>
    /// <param name="objectives">The experiment's objectives.</param>
    /// <param name="reference">References in metric units, by metric; objectives missing here are derived.</param>
    public static HypervolumeMeasure Measure(IReadOnlyList<TrialRecord> front, ObjectiveSet objectives, IReadOnlyDictionary<string, double> reference)
    {
        ArgumentNullException.ThrowIfNull(front);
        ArgumentNullException.ThrowIfNull(objectives);
        ArgumentNullException.ThrowIfNull(reference);
        var points = front.Select(t => objectives.Utilities(t.Metrics)).Where(u => u.All(double.IsFinite)).ToList();
        var derived = objectives.Objectives.Any(o => !reference.ContainsKey(o.Metric));
        var referenceUtilities = new double[objectives.Objectives.Count];
        var referenceMetrics = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < referenceUtilities.Length; i++)
        {
            var objective = objectives.Objectives[i];
            if (reference.TryGetValue(objective.Metric, out var given))
            {
                referenceUtilities[i] = objective.Utility(given);
            }
            else if (points.Count > 0)
            {
                referenceUtilities[i] = DeriveReference(points.Select(p => p[i]).ToList());
            }
            else
            {
                continue;
            }

            // Utility is the value or its negation, so turning back is the same operation.
            referenceMetrics[objective.Metric] = objective.Utility(referenceUtilities[i]);
        }

        var value = points.Count == 0 ? 0 : Hypervolume.Of(points, referenceUtilities);
        return new HypervolumeMeasure(value, referenceMetrics, derived, points.Count);
    }

    /// <summary>A derived reference utility for one objective, given the front's utilities in it.</summary>
    public static double DeriveReference(IReadOnlyList<double> utilities)
    {
        ArgumentNullException.ThrowIfNull(utilities);
        var nadir = utilities.Min();
        var range = utilities.Max() - nadir;
        var scale = range > 0 ? range : Math.Abs(nadir) > 0 ? Math.Abs(nadir) : 1.0;
        return nadir - DerivedMargin * scale;
    }
}
