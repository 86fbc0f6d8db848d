using NasPlatform.Eda.Def;
using NasPlatform.Eda.Features;
using NasPlatform.Eda.Geometry;
using NasPlatform.Eda.Lef;

namespace NasPlatform.Plugins.Eda.Tests.Features;

public sealed class FeatureExtractorTests
{
    // A 20 x 20 micron die, 2 x 2 tiles of 10 x 10. Cells are 1 x 1 with pin A at their centre.
    // net1: u1 (0.5, 0.5) - u2 (9.5, 9.5): box 9 x 9, RUDY 18/81 over 81 of tile (0,0)'s 100 -> 0.18.
    // net2: u3 (5.5, 0.5) - u4 (14.5, 0.5): flat, widened to 9 x 1: RUDY 10/9 over 4.5 of each bottom tile -> 0.05 each.
    private const string Lef = """
        UNITS DATABASE MICRONS 1000 ; END UNITS
        LAYER metal1 TYPE ROUTING ; DIRECTION HORIZONTAL ; PITCH 1 ; END metal1
        LAYER metal2 TYPE ROUTING ; DIRECTION VERTICAL ; PITCH 1 ; END metal2
        MACRO CELL
          CLASS CORE ;
          SIZE 1 BY 1 ;
          PIN A DIRECTION INPUT ; PORT LAYER metal1 ; RECT 0.4 0.4 0.6 0.6 ; END END A
        END CELL
        END LIBRARY
        """;

    private const string Def = """
        VERSION 5.6 ;
        DESIGN two ;
        UNITS DISTANCE MICRONS 10 ;
        DIEAREA ( 0 0 ) ( 200 200 ) ;
        COMPONENTS 4 ;
        - u1 CELL + PLACED ( 0 0 ) N ;
        - u2 CELL + PLACED ( 90 90 ) N ;
        - u3 CELL + PLACED ( 50 0 ) FN ;
        - u4 CELL + PLACED ( 140 0 ) S ;
        END COMPONENTS
        NETS 2 ;
        - net1 ( u1 A ) ( u2 A ) ;
        - net2 ( u3 A ) ( u4 A ) ;
        END NETS
        END DESIGN
        """;

    private static Placement TwoNets() => Placement.Build(DefReader.ReadText("two.def", Def), LefReader.ReadText("cell.lef", Lef));

    [Fact]
    public void PlacesPinsThroughOrientations()
    {
        var nets = TwoNets().Nets;
        Assert.Equal([(0.5, 0.5), (9.5, 9.5)], nets[0].Pins);
        Assert.Equal([(5.5, 0.5), (14.5, 0.5)], nets[1].Pins);
    }

    [Fact]
    public void MapsMatchHandComputedValues()
    {
        var congestion = new Dictionary<string, double> { ["u1"] = 0.2, ["u2"] = 0.4, ["u4"] = 0.7 };
        var obstructions = new[] { new RoutingObstruction(new Rect(10, 10, 20, 20), 2) };
        var maps = FeatureExtractor.Extract(TwoNets(), new FeatureOptions { GridSize = 2, LongNetTiles = 0.5 }, 2, obstructions, congestion);

        // Tiles in order (row 0, col 0), (0, 1), (1, 0), (1, 1); row 0 is the bottom.
        AssertMap([0.23, 0.05, 0, 0], maps[FeatureChannels.Rudy]);
        AssertMap([14.0 / 9, 10.0 / 9, 0, 0], maps[FeatureChannels.PinRudy]);
        AssertMap([0.18, 0, 0, 0], maps[FeatureChannels.LongRudy]);
        AssertMap([0.05, 0.05, 0, 0], maps[FeatureChannels.ShortRudy]);
        AssertMap([0.03, 0.01, 0, 0], maps[FeatureChannels.CellDensity]);
        AssertMap([0.03, 0.01, 0, 0], maps[FeatureChannels.PinDensity]);
        AssertMap([0, 0, 0, 0.5], maps[FeatureChannels.MacroBlockage]);
        AssertMap([0.4, 0.7, 0, 0], maps[FeatureChannels.Congestion]);
        AssertMap([2, 2, 2, 2], maps[FeatureChannels.RoutingLayers]);
    }

    [Fact]
    public void HotspotsMarkTilesWhereFailedWireDemandReachesTheThresholdOfCapacity()
    {
        // 4 x 4 tiles of 5 x 5. net1: 18/81 over its 9 x 9 box, 4.5 x 4.5 in each of tiles (0,0) (0,1) (1,0) (1,1) -> 0.18 each;
        // net2: 10/9 over 9 x 1, 4.5 in each of tiles (0,1) and (0,2) -> 0.2 each.
        var demand = HotspotLabeler.FailedDemand(TwoNets(), 4, ["net1", "net2"]);
        AssertMap([0.18, 0.38, 0.2, 0, 0.18, 0.18, 0, 0], demand[..8]);
        Assert.Equal(0, demand[8..].Sum());

        var layers = LefReader.ReadText("cell.lef", Lef).RoutingLayers;
        Assert.Equal(1, HotspotLabeler.TracksPerMicron(layers, 1));
        Assert.Equal(2, HotspotLabeler.TracksPerMicron(layers, 2));
        Assert.Throws<ArgumentException>(() => HotspotLabeler.TracksPerMicron(layers, 3));

        // Capacities at which the threshold share is 0.15 and 0.3 tracks per micron: every tile with demand >= 0.15,
        // then only the tile both nets cross (0.38).
        var oneLayer = HotspotLabeler.Label(TwoNets(), 4, ["net1", "net2"], 0.15 / HotspotLabeler.DemandThreshold);
        Assert.Equal([1, 1, 1, 0, 1, 1, 0, 0], oneLayer[..8]);
        Assert.Equal(5, oneLayer.Sum());
        var twoLayers = HotspotLabeler.Label(TwoNets(), 4, ["net1", "net2"], 0.3 / HotspotLabeler.DemandThreshold);
        Assert.Equal(1, twoLayers[1]);
        Assert.Equal(1, twoLayers.Sum());
        Assert.Equal(0, HotspotLabeler.Label(TwoNets(), 4, [], 1).Sum());
    }

    [Fact]
    public void VersionOneHotspotsMarkFailedNetsPinsAndLocalBoxes()
    {
        var map = HotspotLabeler.PinsAndLocalBoxes(TwoNets(), 4, ["net2"]);
        // 4 x 4 tiles of 5 x 5; net2's pins are in tiles (0,1) and (0,2), its box spans columns 1-2 of row 0.
        Assert.Equal([0, 1, 1, 0], map[..4]);
        Assert.Equal(2, map.Sum());
    }

    private static void AssertMap(double[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) < 1e-5, $"tile {i}: expected {expected[i]}, got {actual[i]}");
    }
}
