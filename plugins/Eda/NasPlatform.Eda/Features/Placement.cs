using NasPlatform.Eda.Def;
using NasPlatform.Eda.Geometry;
using NasPlatform.Eda.Lef;
using NasPlatform.Eda.Parsing;

namespace NasPlatform.Eda.Features;

/// <summary>
/// A placed DEF joined with its LEF: every cell's box and every signal net's terminal positions on the
/// die, in microns. A component pin sits at the centre of its LEF port shapes, moved by the component's
/// orientation and placed corner; an I/O pin at its PLACED point (plus the centre of its LAYER shape).
/// </summary>
public sealed class Placement
{
    private Placement(DefDesign design, IReadOnlyList<PlacedCell> cells, IReadOnlyList<PlacedNet> nets)
    {
        Design = design;
        Cells = cells;
        Nets = nets;
    }

    public DefDesign Design { get; }

    public Rect Die => Design.Die;

    public IReadOnlyList<PlacedCell> Cells { get; }

    /// <summary>Signal nets with at least two placed terminals (what a router has to route).</summary>
    public IReadOnlyList<PlacedNet> Nets { get; }

    public static Placement Build(DefDesign design, LefLibrary library)
    {
        var cells = new List<PlacedCell>(design.Components.Count);
        var byName = new Dictionary<string, (DefComponent Component, LefMacro Macro)>(StringComparer.Ordinal);
        foreach (var c in design.Components)
        {
            if (!library.Macros.TryGetValue(c.Macro, out var macro))
                throw new LefDefFormatException(design.File, c.Line, $"component {c.Name} uses macro {c.Macro}, which no LEF file read defines; pass the LEF that has it.");
            byName[c.Name] = (c, macro);
            if (!c.IsPlaced)
                continue;
            var (w, h) = OrientationTransform.SwapsAxes(c.Orientation) ? (macro.Height, macro.Width) : (macro.Width, macro.Height);
            cells.Add(new PlacedCell(c.Name, c.Macro, new Rect(c.X, c.Y, c.X + w, c.Y + h), macro.IsFiller, macro.IsBlock));
        }

        var ioPins = new Dictionary<string, DefPin>(StringComparer.Ordinal);
        foreach (var p in design.Pins)
            ioPins[p.Name] = p;

        var nets = new List<PlacedNet>(design.Nets.Count);
        foreach (var net in design.Nets)
        {
            var points = new List<(double X, double Y)>(net.Connections.Count);
            foreach (var connection in net.Connections)
            {
                if (connection.IsIoPin)
                {
                    if (ioPins.TryGetValue(connection.Pin, out var io) && io.X is { } x && io.Y is { } y)
                        points.Add((x + (io.Shape?.CenterX ?? 0), y + (io.Shape?.CenterY ?? 0)));
                    continue;
                }

                if (!byName.TryGetValue(connection.Component, out var owner))
                    throw new LefDefFormatException(design.File, net.Line, $"net {net.Name} connects to component {connection.Component}, which COMPONENTS does not list.");
                if (!owner.Component.IsPlaced)
                    continue;
                if (!owner.Macro.Pins.TryGetValue(connection.Pin, out var pin))
                    throw new LefDefFormatException(design.File, net.Line, $"net {net.Name} connects to pin {connection.Pin} of {connection.Component}, but macro {owner.Macro.Name} has no such pin.");
                var (px, py) = pin.Center;
                var (dx, dy) = OrientationTransform.Apply(owner.Component.Orientation, px, py, owner.Macro.Width, owner.Macro.Height);
                points.Add((owner.Component.X + dx, owner.Component.Y + dy));
            }

            if (points.Count >= 2)
                nets.Add(new PlacedNet(net.Name, points));
        }

        return new Placement(design, cells, nets);
    }
}
