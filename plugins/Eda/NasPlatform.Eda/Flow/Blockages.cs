using NasPlatform.Eda.Features;
using NasPlatform.Eda.Geometry;

namespace NasPlatform.Eda.Flow;

/// <summary>
/// The blockage knob as obstructions: one rectangle of the die's aspect covering the given fraction, on metal2 and
/// metal3 (those the run uses). The derate knob: horizontal stripes on metal3 across the die, one every
/// <see cref="DeratePeriod"/> microns (3 tracks of osu018's 1 um metal3 pitch), each covering that fraction of the
/// period, so metal3 keeps about (1 - derate) of its tracks everywhere.
/// </summary>
public static class Blockages
{
    /// <summary>Microns between the starts of two derate stripes.</summary>
    public const double DeratePeriod = 3.0;

    /// <summary>The routing layer the derate stripes cut (metal3, the first horizontal layer above the pins' metal1/metal2).</summary>
    public const int DerateLayer = 3;

    public static IReadOnlyList<RoutingObstruction> For(Rect die, RoutingKnobs knobs)
    {
        ArgumentNullException.ThrowIfNull(knobs);
        return [.. Rectangle(die, knobs), .. Stripes(die, knobs)];
    }

    /// <summary>The derate stripes (none below <see cref="DerateLayer"/> layers or at derate 0).</summary>
    public static IEnumerable<RoutingObstruction> Stripes(Rect die, RoutingKnobs knobs)
    {
        ArgumentNullException.ThrowIfNull(knobs);
        if (knobs.Derate <= 0 || knobs.Layers < DerateLayer)
            yield break;
        var band = DeratePeriod * Math.Min(knobs.Derate, 1.0);
        for (var y = die.Y0; y < die.Y1; y += DeratePeriod)
            yield return new RoutingObstruction(new Rect(die.X0, y, die.X1, Math.Min(y + band, die.Y1)), DerateLayer);
    }

    private static IReadOnlyList<RoutingObstruction> Rectangle(Rect die, RoutingKnobs knobs)
    {
        if (knobs.Blockage <= 0)
            return [];
        var scale = Math.Sqrt(Math.Min(knobs.Blockage, 1.0));
        var w = die.Width * scale;
        var h = die.Height * scale;
        var rng = new Random(knobs.BlockageSeed);
        var x0 = die.X0 + rng.NextDouble() * (die.Width - w);
        var y0 = die.Y0 + rng.NextDouble() * (die.Height - h);
        var rect = new Rect(x0, y0, x0 + w, y0 + h);
        return Enumerable.Range(2, Math.Max(0, Math.Min(3, knobs.Layers) - 1)).Select(layer => new RoutingObstruction(rect, layer)).ToList();
    }
}
