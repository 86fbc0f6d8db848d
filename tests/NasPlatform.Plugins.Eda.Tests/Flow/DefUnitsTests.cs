using NasPlatform.Eda.Dataset;

namespace NasPlatform.Plugins.Eda.Tests.Flow;

/// <summary>A placed DEF's units must divide the LEF's database units, or qrouter segfaults (300 vs 1000) or never finishes (2000).</summary>
public sealed class DefUnitsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("nas-eda-units-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void DefUnitsThatDoNotDivideTheLefDatabaseUnitsAreRefusedWithLineAndFix()
    {
        Directory.CreateDirectory(_root);
        SweepInputs.CheckPlacedDefs([Fixtures.PlacedDef], [Fixtures.Lef], [2]); // 100 divides 1000: fine
        foreach (var units in new[] { "300", "2000" })
        {
            var def = Path.Combine(_root, $"mul3_{units}.def");
            File.WriteAllText(def, File.ReadAllText(Fixtures.PlacedDef).Replace("UNITS DISTANCE MICRONS 100 ;", $"UNITS DISTANCE MICRONS {units} ;", StringComparison.Ordinal));

            var e = Assert.Throws<ArgumentException>(() => SweepInputs.CheckPlacedDefs([def], [Fixtures.Lef], [2]));

            Assert.Contains($"{def}:6: UNITS DISTANCE MICRONS {units} does not fit the LEF's DATABASE MICRONS 1000 ({Fixtures.Lef}:13)", e.Message, StringComparison.Ordinal);
            Assert.Contains("Write the DEF with UNITS DISTANCE MICRONS 1000", e.Message, StringComparison.Ordinal);
        }
    }
}
