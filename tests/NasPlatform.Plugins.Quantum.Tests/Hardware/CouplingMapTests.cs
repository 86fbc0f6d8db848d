using NasPlatform.Abstractions.Plugins;
using NasPlatform.Plugins.Quantum.Hardware;
using NasPlatform.Plugins.Quantum.Spaces;

namespace NasPlatform.Plugins.Quantum.Tests.Hardware;

public sealed class CouplingMapTests
{
    [Fact]
    public void LineCouplesNeighboursAndItsChainAndRingOrdersAreTheLine()
    {
        var line = CouplingMap.Line(5);
        Assert.Equal([new(0, 1), new(1, 2), new(2, 3), new(3, 4)], line.Edges);
        Assert.Equal(line.Edges, line.ChainOrder);
        Assert.Equal(line.Edges, line.RingOrder);
        Assert.True(line.AreCoupled(3, 2));
        Assert.False(line.AreCoupled(0, 2));
        Assert.False(line.AreCoupled(1, 1));
    }

    [Fact]
    public void RingOrderClosesTheChainFromTheLastQubitToTheFirst()
    {
        var ring = CouplingMap.Ring(4);
        Assert.Equal([new(0, 1), new(1, 2), new(2, 3)], ring.ChainOrder);
        Assert.Equal([new(0, 1), new(1, 2), new(2, 3), new(3, 0)], ring.RingOrder);
        Assert.True(ring.AreCoupled(0, 3));
    }

    [Fact]
    public void GridChainSnakesThroughEveryQubitAndRingAddsTheRungs()
    {
        var grid = CouplingMap.Grid(2, 3);
        Assert.Equal(7, grid.Edges.Count);
        Assert.Equal([new(0, 1), new(1, 2), new(2, 5), new(5, 4), new(4, 3)], grid.ChainOrder);
        Assert.Equal(7, grid.RingOrder.Count);
        Assert.All(grid.RingOrder, p => Assert.True(grid.AreCoupled(p.First, p.Second)));
        Assert.Equal(grid.Edges.Count, grid.RingOrder.Select(p => p.Normalized).Distinct().Count());
    }

    [Fact]
    public void DisconnectedMapIsRejectedNamingTheGroups()
    {
        var error = Assert.Throws<CouplingMapException>(() => CouplingMap.FromEdges(5, [new(0, 1), new(1, 2), new(3, 4)]));
        Assert.Contains("disconnected", error.Message);
        Assert.Contains("{0,1,2}", error.Message);
        Assert.Contains("{3,4}", error.Message);
    }

    [Fact]
    public void IsolatedQubitMakesTheMapDisconnected()
    {
        var error = Assert.Throws<CouplingMapException>(() => CouplingMap.FromEdges(3, [new(0, 1)]));
        Assert.Contains("{2}", error.Message);
    }

    [Theory]
    [InlineData("""{ "qubits": 3, "coupling": { "edges": [[0,1],[1,3]] } }""", "coupling", "outside 0..2")]
    [InlineData("""{ "qubits": 3, "coupling": { "edges": [[0,1],[2,2]] } }""", "coupling", "itself")]
    [InlineData("""{ "qubits": 4, "coupling": { "edges": [[0,1],[2,3]] } }""", "coupling", "disconnected")]
    [InlineData("""{ "qubits": 4, "coupling": { "edges": [[0,1],[1]] } }""", "coupling.edges[1]", "pair of qubit indices")]
    [InlineData("""{ "qubits": 6, "coupling": { "grid": [2, 2] } }""", "coupling.grid", "rows*cols")]
    public void BadCouplingOptionsNameTheOptionAndTheFix(string options, string optionPath, string fragment)
    {
        var space = TestContexts.Bind<GatewiseSpaceOptions>(options);
        var error = Assert.Throws<ComponentConfigurationException>(() => CouplingMapOptions.Parse(space.Coupling, space.Qubits, TestContexts.In()));
        Assert.Equal(optionPath, error.OptionPath);
        Assert.Contains(fragment, error.Message);
    }

    [Fact]
    public void EdgesFileIsResolvedAgainstTheExperimentFolder()
    {
        var folder = Directory.CreateTempSubdirectory("coupling-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "device.json"), """{ "edges": [[0,1],[1,2],[2,0],[2,3]] }""");
            var context = TestContexts.In(folder.FullName);
            var map = CouplingMapOptions.Parse(Coupling("""{ "edgesFile": "device.json" }"""), 4, context);
            Assert.Equal("edges", map.Kind);
            Assert.Equal(4, map.Edges.Count);
            Assert.Equal([new(0, 1), new(1, 2), new(2, 3)], map.ChainOrder);
            Assert.Equal(new QubitPair(2, 0), map.RingOrder[^1]);

            var error = Assert.Throws<ComponentConfigurationException>(() => CouplingMapOptions.Parse(Coupling("""{ "edgesFile": "nope.json" }"""), 4, context));
            Assert.Equal("coupling.edgesFile", error.OptionPath);
            Assert.Contains(Path.Combine(folder.FullName, "nope.json"), error.Message);
        }
        finally
        {
            folder.Delete(true);
        }
    }

    [Fact]
    public void NamedMapsAndDefaultParse()
    {
        var context = TestContexts.In();
        Assert.Equal("line", CouplingMapOptions.Parse(null, 4, context).Kind);
        Assert.Equal("ring", CouplingMapOptions.Parse(Coupling("\"ring\""), 4, context).Kind);
        Assert.Equal(6, CouplingMapOptions.Parse(Coupling("\"full\""), 4, context).Edges.Count);
        Assert.Empty(CouplingMap.Line(1).Edges);
    }

    private static System.Text.Json.JsonElement Coupling(string json) => System.Text.Json.JsonSerializer.Deserialize<System.Text.Json.JsonElement>(json);
}
