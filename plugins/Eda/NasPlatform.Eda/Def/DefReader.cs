using System.Globalization;
using NasPlatform.Eda.Geometry;
using NasPlatform.Eda.Parsing;

namespace NasPlatform.Eda.Def;

/// <summary>
/// Reads DEF 5.x: units, die area, components (placement and orientation), pins, nets with their
/// terminals and routed wiring, special nets. Coordinates come out in microns (see <see cref="DefDesign"/>).
/// </summary>
public static class DefReader
{
    private static readonly HashSet<string> SkippedSections = new(StringComparer.OrdinalIgnoreCase)
    {
        "VIAS", "NONDEFAULTRULES", "BLOCKAGES", "REGIONS", "GROUPS", "PROPERTYDEFINITIONS", "FILLS",
        "PINPROPERTIES", "SCANCHAINS", "STYLES", "SLOTS", "EXTENSION",
    };

    public static DefDesign Read(string path) => Read(TokenReader.Open(path));

    public static DefDesign ReadText(string file, string text) => Read(TokenReader.FromText(file, text));

    private static DefDesign Read(TokenReader s)
    {
        var state = new State(s);
        string? name = null;
        Rect? die = null;
        var components = new List<DefComponent>();
        var pins = new List<DefPin>();
        var nets = new List<DefNet>();
        var special = new List<DefNet>();
        while (!s.AtEnd)
        {
            var token = s.Next();
            var word = token.Text.ToUpperInvariant();
            switch (word)
            {
                case "DESIGN":
                    name = s.NextText();
                    s.Expect(";");
                    break;
                case "UNITS":
                    s.Expect("DISTANCE");
                    s.Expect("MICRONS");
                    var units = s.NextNumber("UNITS DISTANCE MICRONS");
                    if (units <= 0)
                        throw s.Error(token, "UNITS DISTANCE MICRONS must be positive.");
                    state.Units = units;
                    s.Expect(";");
                    break;
                case "DIEAREA":
                    var points = new List<(double X, double Y)>();
                    while (s.PeekIs("("))
                        points.Add(state.Point(null));
                    s.Expect(";");
                    if (points.Count < 2)
                        throw s.Error(token, "DIEAREA needs at least two points.");
                    die = Rect.Of(points.Min(p => p.X), points.Min(p => p.Y), points.Max(p => p.X), points.Max(p => p.Y));
                    break;
                case "COMPONENTS":
                    state.Section(token, "COMPONENTS", () => components.Add(ReadComponent(state)));
                    break;
                case "PINS":
                    state.Section(token, "PINS", () => pins.Add(ReadPin(state)));
                    break;
                case "NETS":
                    state.Section(token, "NETS", () => nets.Add(ReadNet(state, isSpecial: false)));
                    break;
                case "SPECIALNETS":
                    state.Section(token, "SPECIALNETS", () => special.Add(ReadNet(state, isSpecial: true)));
                    break;
                case "END":
                    if (s.Accept("DESIGN"))
                        goto done;
                    throw s.Error(token, $"unexpected 'END {s.PeekText()}' outside a section.");
                default:
                    if (SkippedSections.Contains(word))
                        s.SkipBlock(word, token.Line);
                    else
                        s.SkipStatement();
                    break;
            }
        }

        throw s.Error("the file has no 'END DESIGN'; it is cut short.");

    done:
        if (die is null)
            throw new LefDefFormatException(s.File, 1, "the DEF has no DIEAREA statement.");
        return new DefDesign
        {
            File = s.File,
            Name = name ?? Path.GetFileNameWithoutExtension(s.File),
            DatabaseUnits = state.Units ?? 0,
            Die = die.Value,
            Components = components,
            Pins = pins,
            Nets = nets,
            SpecialNets = special,
        };
    }

    private static DefComponent ReadComponent(State state)
    {
        var s = state.Stream;
        var start = s.Peek();
        var name = s.NextText();
        var macro = s.NextText();
        var status = "UNPLACED";
        double x = 0, y = 0;
        var orientation = Orientation.N;
        while (!s.Accept(";"))
        {
            var plus = s.Next();
            if (plus.Text != "+")
                throw s.Error(plus, $"component {name}: expected '+' or ';' but found '{plus.Text}'.");
            var key = s.Next();
            var upper = key.Text.ToUpperInvariant();
            if (upper is "PLACED" or "FIXED" or "COVER")
            {
                status = upper;
                (x, y) = state.Point(null);
                orientation = state.Orient();
            }
            else if (upper == "UNPLACED")
            {
                status = upper;
            }
            else
            {
                while (!s.PeekIs("+") && !s.PeekIs(";"))
                    s.Next();
            }
        }

        return new DefComponent(name, macro, status, x, y, orientation, start.Line);
    }

    private static DefPin ReadPin(State state)
    {
        var s = state.Stream;
        var name = s.NextText();
        string? net = null, direction = null, use = null, layer = null;
        double? x = null, y = null;
        Rect? shape = null;
        while (!s.Accept(";"))
        {
            var plus = s.Next();
            if (plus.Text != "+")
                throw s.Error(plus, $"pin {name}: expected '+' or ';' but found '{plus.Text}'.");
            var key = s.Next().Text.ToUpperInvariant();
            switch (key)
            {
                case "NET":
                    net = s.NextText();
                    break;
                case "DIRECTION":
                    direction = s.NextText();
                    break;
                case "USE":
                    use = s.NextText();
                    break;
                case "LAYER":
                    layer = s.NextText();
                    state.SkipMask();
                    var a = state.Point(null);
                    var b = state.Point(null);
                    shape = Rect.Of(a.X, a.Y, b.X, b.Y);
                    break;
                case "PLACED" or "FIXED" or "COVER":
                    var p = state.Point(null);
                    (x, y) = (p.X, p.Y);
                    state.Orient();
                    break;
                default:
                    while (!s.PeekIs("+") && !s.PeekIs(";"))
                        s.Next();
                    break;
            }
        }

        return new DefPin(name, net ?? name, direction, use, x, y, layer, shape);
    }

    private static DefNet ReadNet(State state, bool isSpecial)
    {
        var s = state.Stream;
        var start = s.Peek();
        var name = s.NextText();
        var connections = new List<DefConnection>();
        var wiring = new List<DefWire>();
        while (s.PeekIs("("))
        {
            s.Next();
            var component = s.NextText();
            var pin = s.NextText();
            while (!s.PeekIs(")"))
                s.Next();
            s.Expect(")");
            connections.Add(new DefConnection(component, pin));
        }

        while (!s.Accept(";"))
        {
            var plus = s.Next();
            if (plus.Text != "+")
                throw s.Error(plus, $"net {name}: expected '(', '+' or ';' but found '{plus.Text}'.");
            var key = s.Next().Text.ToUpperInvariant();
            if (key is "ROUTED" or "FIXED" or "COVER" or "NOSHIELD" or "SHIELD")
            {
                if (key == "SHIELD")
                    s.Next();
                ReadWiring(state, wiring, isSpecial);
                while (s.Accept("NEW"))
                    ReadWiring(state, wiring, isSpecial);
            }
            else
            {
                while (!s.PeekIs("+") && !s.PeekIs(";"))
                    s.Next();
            }
        }

        return new DefNet(name, connections, wiring, start.Line);
    }

    private static void ReadWiring(State state, List<DefWire> wiring, bool isSpecial)
    {
        var s = state.Stream;
        var layer = s.NextText();
        if (isSpecial && double.TryParse(s.PeekText(), NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            s.Next();
        while (s.PeekIs("+") && s.PeekText(1).ToUpperInvariant() is "SHAPE" or "STYLE" or "MASK")
        {
            s.Next();
            s.Next();
            s.Next();
        }

        while (s.PeekText().ToUpperInvariant() is "TAPER" or "TAPERRULE" or "STYLE" or "MASK")
        {
            if (!string.Equals(s.NextText(), "TAPER", StringComparison.OrdinalIgnoreCase))
                s.Next();
        }

        (double X, double Y)? previous = null;
        while (true)
        {
            var next = s.PeekText();
            if (next == "(")
            {
                var point = state.Point(previous);
                if (previous is { } p)
                    wiring.Add(new DefWire(layer, p.X, p.Y, point.X, point.Y, null));
                previous = point;
            }
            else if (next.Equals("MASK", StringComparison.OrdinalIgnoreCase))
            {
                s.Next();
                s.Next();
            }
            else if (next is "" or ";" or "+" || next.Equals("NEW", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }
            else
            {
                var via = s.Next();
                if (previous is not { } at)
                    throw s.Error(via, $"wiring on {layer}: via '{via.Text}' before any point.");
                wiring.Add(new DefWire(layer, at.X, at.Y, at.X, at.Y, via.Text));
            }
        }
    }

    private sealed class State(TokenReader stream)
    {
        public TokenReader Stream { get; } = stream;

        public double? Units { get; set; }

        public void Section(Token start, string name, Action readItem)
        {
            Stream.NextInteger($"the {name} count");
            Stream.Expect(";");
            while (!Stream.Accept("END"))
            {
                var dash = Stream.Next();
                if (dash.Text != "-")
                    throw Stream.Error(dash, $"{name}: expected '- name' or 'END {name}' but found '{dash.Text}'.");
                readItem();
            }

            var closing = Stream.Next();
            if (!closing.Text.Equals(name, StringComparison.OrdinalIgnoreCase))
                throw Stream.Error(closing, $"section {name} (line {start.Line}) is closed by 'END {closing.Text}'.");
        }

        /// <summary>"( x y [ext] )" in microns; '*' repeats the previous point's coordinate.</summary>
        public (double X, double Y) Point((double X, double Y)? previous)
        {
            if (Units is not { } units)
                throw Stream.Error("a coordinate comes before 'UNITS DISTANCE MICRONS n ;'; add the UNITS statement at the top.");
            Stream.Expect("(");
            var x = Coordinate(previous?.X, units);
            var y = Coordinate(previous?.Y, units);
            if (!Stream.PeekIs(")"))
                Stream.Next();
            Stream.Expect(")");
            return (x, y);
        }

        public Orientation Orient()
        {
            var token = Stream.Next();
            if (!OrientationTransform.TryParse(token.Text, out var orientation))
                throw Stream.Error(token, $"'{token.Text}' is not an orientation; use one of N, S, E, W, FN, FS, FE, FW.");
            return orientation;
        }

        public void SkipMask()
        {
            if (Stream.Accept("MASK"))
                Stream.Next();
        }

        private double Coordinate(double? previous, double units)
        {
            var token = Stream.Peek();
            if (token.Text == "*")
            {
                Stream.Next();
                return previous ?? throw Stream.Error(token, "'*' in the first point of a path has nothing to repeat.");
            }

            return Stream.NextNumber("a coordinate") / units;
        }
    }
}
