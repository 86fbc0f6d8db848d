using NasPlatform.Eda.Def;
using NasPlatform.Eda.Geometry;
using NasPlatform.Eda.Parsing;

namespace NasPlatform.Plugins.Eda.Tests.Parsing;

public sealed class DefReaderTests
{
    [Fact]
    public void ReadsPlacedDefFromQflow()
    {
        var def = DefReader.Read(Fixtures.PlacedDef);

        Assert.Equal("mul3", def.Name);
        Assert.Equal(100, def.DatabaseUnits);
        // DIEAREA ( -320 -300 ) ( 8800 5300 ) in units of 1/100 micron.
        Assert.Equal(new Rect(-3.2, -3.0, 88.0, 53.0), def.Die);
        Assert.Equal(251, def.Components.Count);
        Assert.Equal(15, def.Pins.Count);
        Assert.Equal(81, def.Nets.Count);
        Assert.Equal(2, def.SpecialNets.Count);

        var first = def.Components[0];
        Assert.Equal(("FILL_0_BUFX2_5", "FILL", "PLACED", 0.4, 0.5, Orientation.S), (first.Name, first.Macro, first.Status, first.X, first.Y, first.Orientation));
        Assert.Contains(def.Components, c => c.Orientation == Orientation.FS);

        var vdd = def.Pins[0];
        Assert.Equal(("vdd", "vdd", "metal6", 24.0, -2.6), (vdd.Name, vdd.Net, vdd.Layer, vdd.X, vdd.Y));
        Assert.Equal(new Rect(-0.8, -0.4, 0.8, 0.4), vdd.Shape);

        var rb0 = def.Nets.Single(n => n.Name == "rb[0]");
        Assert.Equal([new DefConnection("DFFPOSX1_7", "Q"), new DefConnection("AOI22X1_1", "A"), new DefConnection("NAND2X1_2", "A"), new DefConnection("AND2X2_1", "A"), new DefConnection("INVX1_1", "A")], rb0.Connections);
        Assert.All(def.Nets, n => Assert.False(n.IsRouted));
    }

    [Fact]
    public void ReadsRoutedWiringFromQrouter()
    {
        var def = DefReader.Read(Fixtures.RoutedDef);
        var rb0 = def.Nets.Single(n => n.Name == "rb[0]");

        // + ROUTED metal1 ( 5520 2700 ) ( 5600 * ) M2_M1 : a segment, then a via at its end.
        Assert.Equal(new DefWire("metal1", 55.2, 27.0, 56.0, 27.0, null), rb0.Wiring[0]);
        Assert.Equal(new DefWire("metal1", 56.0, 27.0, 56.0, 27.0, "M2_M1"), rb0.Wiring[1]);
        // qrouter routed every net with two or more terminals (stage1 failed none with 3 layers).
        Assert.Equal(def.Nets.Where(n => n.Connections.Count >= 2).Select(n => n.Name), def.Nets.Where(n => n.IsRouted).Select(n => n.Name));
        Assert.Equal(66, def.Nets.Count(n => n.IsRouted));
        Assert.All(def.Nets.SelectMany(n => n.Wiring), w => Assert.Contains(w.Layer, new[] { "metal1", "metal2", "metal3" }));
        // The file says SPECIALNETS 22 but lists 21 (qrouter counts one it does not write): the items are what counts.
        Assert.Equal(21, def.SpecialNets.Count);
    }

    [Theory]
    [InlineData("VERSION 5.6 ;\nUNITS DISTANCE MICRONS 100 ;\nDIEAREA ( 0 0 ) ( 100 100 ) ;\nCOMPONENTS 1 ;\n- u1 INVX1 + PLACED ( 0 0 ) Q ;\nEND COMPONENTS\nEND DESIGN\n", 5, "not an orientation")]
    [InlineData("VERSION 5.6 ;\nDIEAREA ( 0 0 ) ( 100 100 ) ;\nEND DESIGN\n", 2, "UNITS")]
    [InlineData("UNITS DISTANCE MICRONS 100 ;\nDIEAREA ( 0 0 ) ( 100 100 ) ;\nNETS 1 ;\n- n1 ( u1 A ) ( u2 Y )\nEND NETS\n", 5, "expected '(', '+' or ';'")]
    [InlineData("UNITS DISTANCE MICRONS 100 ;\nDIEAREA ( 0 0 ) ( 100 100 ) ;\n", 2, "END DESIGN")]
    public void MalformedDefNamesFileAndLine(string text, int line, string hint)
    {
        var e = Assert.Throws<LefDefFormatException>(() => DefReader.ReadText("bad.def", text));
        Assert.Equal(line, e.Line);
        Assert.StartsWith($"bad.def:{line}:", e.Message, StringComparison.Ordinal);
        Assert.Contains(hint, e.Message, StringComparison.Ordinal);
    }
}
