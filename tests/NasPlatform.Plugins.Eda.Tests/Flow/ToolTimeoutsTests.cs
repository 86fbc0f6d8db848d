using NasPlatform.Eda.Dataset;
using NasPlatform.Eda.Flow;

namespace NasPlatform.Plugins.Eda.Tests.Flow;

/// <summary>
/// Place and route limits scaled to the design's cells: the base limit up to 1,000 cells, growing as
/// (cells/1000)^1.5 above, so mult16 (3,091 cells, which ran past a fixed 300 s) gets about 1,630 s;
/// a limit the user gave is used as it is, and a failed sample is retried when the rule changes.
/// </summary>
public sealed class ToolTimeoutsTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "nas-eda-timeouts-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
    }

    [Theory]
    [InlineData(66, 300)]
    [InlineData(1000, 300)]
    [InlineData(2000, 848.5)]
    [InlineData(3091, 1630.5)]
    public void ThePlaceLimitIsTheBaseUpTo1000CellsAndGrowsAsThePowerOneAndAHalfAbove(int cells, double seconds) =>
        Assert.Equal(seconds, ToolTimeouts.For(300, cells, scaled: true).TotalSeconds, 0.5);

    [Fact]
    public void ALimitTheUserGaveIsNotScaled() =>
        Assert.Equal(300, ToolTimeouts.For(300, 3091, scaled: false).TotalSeconds);

    [Fact]
    public void TheLimitNeverShrinksAsTheDesignGrows()
    {
        var limits = Enumerable.Range(0, 60).Select(i => ToolTimeouts.For(180, i * 100, scaled: true)).ToList();
        Assert.True(limits.Zip(limits.Skip(1)).All(p => p.Second >= p.First));
        Assert.True(limits[^1] > limits[10]);
    }

    [Fact]
    public void CellsAreTheGateLinesOfTheSynthesizedNetlist()
    {
        Directory.CreateDirectory(_root);
        var blif = Path.Combine(_root, "top.blif");
        File.WriteAllLines(blif, [".model top", ".inputs a b", ".outputs y", ".gate NAND2X1 A=a B=b Y=n1", ".gate INVX1 A=n1 Y=y", ".gate BUFX2 A=y Y=z", ".end"]);
        Assert.Equal(3, ToolTimeouts.CountBlifCells(blif));
    }

    [Fact]
    public async Task AFailedSampleIsRetriedWhenTheLimitStopsOrStartsScalingAndTheRecordSaysWhichRule()
    {
        // The user's 10 ms route limit (not scaled): qrouter cannot route mul3 in it.
        var dataset = Path.Combine(_root, "ds");
        SweepSpec Spec(bool scaled) => new()
        {
            Designs = [], PlacedDefs = [Fixtures.PlacedDef], Lefs = [Fixtures.Lef], Layers = [2], Blockages = [0], GridSize = 8,
            RouteTimeoutSeconds = 0.01, ScaleRouteTimeout = scaled,
        };
        await new DatasetBuilder(dataset, Spec(scaled: false), "").BuildAsync(1, null, CancellationToken.None);
        var fixedLimit = Assert.Single(SampleFiles.ReadRecords(dataset));
        Assert.False(fixedLimit.Succeeded);
        Assert.Equal("place", fixedLimit.TimeoutsScaled);

        // Same base limit, now scaled: another rule, so the failure is retried (and fails again: mul3 is small, factor 1).
        await new DatasetBuilder(dataset, Spec(scaled: true), "").BuildAsync(1, null, CancellationToken.None);
        var scaledLimit = Assert.Single(SampleFiles.ReadRecords(dataset));
        Assert.NotEqual(fixedLimit.CreatedAt, scaledLimit.CreatedAt);
        Assert.Equal("place,route", scaledLimit.TimeoutsScaled);
    }
}
