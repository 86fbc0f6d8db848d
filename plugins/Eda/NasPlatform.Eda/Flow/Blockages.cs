using NasPlatform.Eda.Features;
using NasPlatform.Eda.Geometry;

namespace NasPlatform.Eda.Flow;

/// <summary>The blockage knob as obstructions: one rectangle of the die's aspect covering the given fraction, on metal2 and metal3 (those the run uses).</summary>
public static class Blockages
{
    public static IReadOnlyList<RoutingObstruction> For(Rect die, RoutingKnobs knobs)
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
