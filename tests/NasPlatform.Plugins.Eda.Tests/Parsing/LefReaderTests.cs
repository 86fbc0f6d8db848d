using NasPlatform.Eda.Lef;
using NasPlatform.Eda.Parsing;

namespace NasPlatform.Plugins.Eda.Tests.Parsing;

public sealed class LefReaderTests
{
    [Fact]
    public void ReadsQflowsOsu018Library()
    {
        var lef = LefReader.Read(Fixtures.Lef);

        Assert.Equal(1000, lef.DatabaseMicrons);
        Assert.Equal(["metal1", "metal2", "metal3", "metal4", "metal5", "metal6"], lef.RoutingLayers.Select(l => l.Name));
        Assert.Equal("VERTICAL", lef.Layers["metal2"].Direction);
        Assert.Equal(0.8, lef.Layers["metal2"].Pitch);
        Assert.Equal(1.6, lef.Layers["metal6"].Pitch);
        Assert.Equal(33, lef.Macros.Count);

        var nand = lef.Macros["NAND2X1"];
        Assert.Equal((2.4, 10.0), (nand.Width, nand.Height));
        Assert.Equal("OUTPUT", nand.Pins["Y"].Direction);
        Assert.Equal(3, nand.Pins["Y"].Shapes.Count);
        Assert.Equal((0.4, 3.3), Round(nand.Pins["A"].Center));
        Assert.False(nand.IsFiller);
        Assert.True(lef.Macros["FILL"].IsFiller);
        Assert.True(nand.Pins["vdd"].IsSupply);
    }

    [Fact]
    public void MalformedLefNamesFileAndLine()
    {
        const string text = "VERSION 5.6 ;\nMACRO BAD\n  CLASS CORE ;\n  SIZE 1.0 BY x ;\nEND BAD\n";
        var e = Assert.Throws<LefDefFormatException>(() => LefReader.ReadText("bad.lef", text));
        Assert.StartsWith("bad.lef:4:", e.Message, StringComparison.Ordinal);
        Assert.Contains("SIZE of macro BAD", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MacroWithoutEndIsReportedWhereItStarts()
    {
        const string text = "MACRO OPEN\n  CLASS CORE ;\n  SIZE 1 BY 2 ;\n";
        var e = Assert.Throws<LefDefFormatException>(() => LefReader.ReadText("open.lef", text));
        Assert.StartsWith("open.lef:1:", e.Message, StringComparison.Ordinal);
    }

    private static (double, double) Round((double X, double Y) p) => (Math.Round(p.X, 6), Math.Round(p.Y, 6));
}
