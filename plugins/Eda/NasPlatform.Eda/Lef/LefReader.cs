using NasPlatform.Eda.Geometry;
using NasPlatform.Eda.Parsing;

namespace NasPlatform.Eda.Lef;

/// <summary>
/// Reads the parts of LEF 5.x that routability features need: units, layers (type, direction, pitch),
/// macros (class, size, pins with use and port rectangles, obstructions). Other statements and blocks
/// are skipped by their syntax, not by guessing.
/// </summary>
public static class LefReader
{
    private static readonly HashSet<string> NamedBlocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "VIA", "VIARULE", "SITE", "NONDEFAULTRULE",
    };

    private static readonly HashSet<string> KeywordBlocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "PROPERTYDEFINITIONS", "SPACING", "UNITS", "NOISETABLE", "CORRECTIONTABLE", "IRDROP", "ARRAY", "DIELECTRIC",
    };

    public static LefLibrary Read(params string[] paths)
    {
        var library = new LefLibrary();
        foreach (var path in paths)
            Read(TokenReader.Open(path), library);
        return library;
    }

    public static LefLibrary ReadText(string file, string text)
    {
        var library = new LefLibrary();
        Read(TokenReader.FromText(file, text), library);
        return library;
    }

    private static void Read(TokenReader s, LefLibrary library)
    {
        while (!s.AtEnd)
        {
            var token = s.Next();
            var word = token.Text.ToUpperInvariant();
            switch (word)
            {
                case "END":
                    if (s.Accept("LIBRARY"))
                        return;
                    throw s.Error(token, $"unexpected 'END {s.PeekText()}' outside a block.");
                case "UNITS":
                    ReadUnits(s, library, token);
                    break;
                case "LAYER":
                    var layer = ReadLayer(s, token);
                    library.Layers[layer.Name] = layer;
                    if (layer.IsRouting)
                        library.RoutingLayers.Add(layer);
                    break;
                case "MACRO":
                    var macro = ReadMacro(s, token);
                    library.Macros[macro.Name] = macro;
                    break;
                default:
                    if (NamedBlocks.Contains(word))
                        s.SkipBlock(s.NextText(), token.Line);
                    else if (KeywordBlocks.Contains(word))
                        s.SkipBlock(word, token.Line);
                    else
                        s.SkipStatement();
                    break;
            }
        }
    }

    private static void ReadUnits(TokenReader s, LefLibrary library, Token start)
    {
        while (!s.Accept("END"))
        {
            if (s.AtEnd)
                throw s.Error(start, "UNITS has no 'END UNITS'.");
            if (s.Accept("DATABASE"))
            {
                s.Expect("MICRONS");
                library.DatabaseMicrons = s.NextNumber("UNITS DATABASE MICRONS");
                s.Expect(";");
            }
            else
            {
                s.SkipStatement();
            }
        }

        s.Expect("UNITS");
    }

    private static LefLayer ReadLayer(TokenReader s, Token start)
    {
        var name = s.NextText();
        string type = "";
        string? direction = null;
        double? pitch = null;
        while (true)
        {
            var token = s.Next();
            if (token.Text.Equals("END", StringComparison.OrdinalIgnoreCase) && s.PeekText() == name)
            {
                s.Next();
                return new LefLayer(name, type, direction, pitch);
            }

            switch (token.Text.ToUpperInvariant())
            {
                case "TYPE":
                    type = s.NextText();
                    s.SkipStatement();
                    break;
                case "DIRECTION":
                    direction = s.NextText();
                    s.SkipStatement();
                    break;
                case "PITCH":
                    pitch = s.NextNumber($"the PITCH of layer {name}");
                    s.SkipStatement();
                    break;
                default:
                    if (s.AtEnd)
                        throw s.Error(start, $"LAYER {name} has no 'END {name}'.");
                    if (token.Text != ";")
                        s.SkipStatement();
                    break;
            }
        }
    }

    private static LefMacro ReadMacro(TokenReader s, Token start)
    {
        var name = s.NextText();
        var cls = "CORE";
        double? width = null, height = null;
        var pins = new Dictionary<string, LefPin>(StringComparer.Ordinal);
        var obstructions = new List<LefShape>();
        while (true)
        {
            if (s.AtEnd)
                throw s.Error(start, $"MACRO {name} has no 'END {name}'.");
            var token = s.Next();
            switch (token.Text.ToUpperInvariant())
            {
                case "END":
                    var closing = s.Next();
                    if (closing.Text != name)
                        throw s.Error(closing, $"MACRO {name} is closed by 'END {closing.Text}'; expected 'END {name}'.");
                    if (width is null || height is null)
                        throw s.Error(start, $"MACRO {name} has no SIZE statement; add 'SIZE w BY h ;'.");
                    return new LefMacro(name, cls, width.Value, height.Value, pins, obstructions);
                case "CLASS":
                    var words = new List<string>();
                    while (!s.PeekIs(";"))
                        words.Add(s.NextText());
                    s.Expect(";");
                    cls = string.Join(' ', words);
                    break;
                case "SIZE":
                    width = s.NextNumber($"the SIZE of macro {name}");
                    s.Expect("BY");
                    height = s.NextNumber($"the SIZE of macro {name}");
                    s.Expect(";");
                    break;
                case "PIN":
                    var pin = ReadPin(s, token);
                    pins[pin.Name] = pin;
                    break;
                case "OBS":
                    obstructions.AddRange(ReadShapes(s, token, "OBS"));
                    break;
                default:
                    if (token.Text != ";")
                        s.SkipStatement();
                    break;
            }
        }
    }

    private static LefPin ReadPin(TokenReader s, Token start)
    {
        var name = s.NextText();
        string? direction = null, use = null;
        var shapes = new List<LefShape>();
        while (true)
        {
            if (s.AtEnd)
                throw s.Error(start, $"PIN {name} has no 'END {name}'.");
            var token = s.Next();
            switch (token.Text.ToUpperInvariant())
            {
                case "END":
                    var closing = s.Next();
                    if (closing.Text != name)
                        throw s.Error(closing, $"PIN {name} is closed by 'END {closing.Text}'; expected 'END {name}'.");
                    return new LefPin(name, direction, use, shapes);
                case "DIRECTION":
                    direction = s.NextText();
                    s.SkipStatement();
                    break;
                case "USE":
                    use = s.NextText();
                    s.SkipStatement();
                    break;
                case "PORT":
                    shapes.AddRange(ReadShapes(s, token, "PORT"));
                    break;
                default:
                    if (token.Text != ";")
                        s.SkipStatement();
                    break;
            }
        }
    }

    // PORT and OBS bodies: LAYER statements followed by RECT (and other geometry) statements, closed by a bare END.
    private static List<LefShape> ReadShapes(TokenReader s, Token start, string what)
    {
        var shapes = new List<LefShape>();
        string? layer = null;
        while (true)
        {
            if (s.AtEnd)
                throw s.Error(start, $"{what} has no END.");
            var token = s.Next();
            switch (token.Text.ToUpperInvariant())
            {
                case "END":
                    return shapes;
                case "LAYER":
                    layer = s.NextText();
                    s.SkipStatement();
                    break;
                case "RECT":
                    if (layer is null)
                        throw s.Error(token, $"RECT in {what} before any LAYER statement.");
                    if (s.PeekIs("MASK"))
                    {
                        s.Next();
                        s.Next();
                    }

                    var x0 = s.NextNumber("a RECT corner");
                    var y0 = s.NextNumber("a RECT corner");
                    var x1 = s.NextNumber("a RECT corner");
                    var y1 = s.NextNumber("a RECT corner");
                    s.Expect(";");
                    shapes.Add(new LefShape(layer, Rect.Of(x0, y0, x1, y1)));
                    break;
                default:
                    if (token.Text != ";")
                        s.SkipStatement();
                    break;
            }
        }
    }
}
