using NasPlatform.Plugins.Tabular.Nb201;

namespace NasPlatform.Plugins.Tabular.Tests;

public sealed class Nb201NetworkTests
{
    [Fact]
    public void Params_of_the_all_3x3_cell_match_the_hand_count()
    {
        // stem:            3*16*9 + BN 2*16                              =     464
        // stage 1 (C=16):  30 edges x (16*16*9 + 2*16) = 30 x 2,336      =  70,080
        // reduction 16→32: 16*32*9 + 64 + 32*32*9 + 64 + 1x1 16*32        =  14,464
        // stage 2 (C=32):  30 x (32*32*9 + 64) = 30 x 9,280              = 278,400
        // reduction 32→64: 32*64*9 + 128 + 64*64*9 + 128 + 1x1 32*64     =  57,600
        // stage 3 (C=64):  30 x (64*64*9 + 128) = 30 x 36,992            = 1,109,760
        // last BN 2*64 = 128; classifier 64*10 + 10 = 650
        // total                                                          = 1,531,546
        var cell = Nb201Cell.FromOperations(Enumerable.Repeat("nor_conv_3x3", 6).ToArray());

        Assert.Equal(1_531_546, Nb201Network.Parameters(cell));
    }

    [Fact]
    public void Flops_of_the_all_3x3_cell_match_the_hand_count()
    {
        // Every cell conv3x3 costs 9*C*C*H*W = 9*16*16*1024 = 9*32*32*256 = 9*64*64*64 = 2,359,296 MACs.
        // stem 3*16*9*1024 = 442,368; 90 cell convs = 212,336,640;
        // each reduction block: (9*Cin*Cout + 9*Cout*Cout + Cin*Cout) * Hout*Wout = 3,670,016 (both blocks);
        // classifier 64*10 + 10 = 650. Total 220,119,690 (NAS-Bench-201 reports 220.11969 MFLOPs).
        var cell = Nb201Cell.FromOperations(Enumerable.Repeat("nor_conv_3x3", 6).ToArray());

        Assert.Equal(220_119_690, Nb201Network.Flops(cell));
    }

    // Numbers printed by reference/nb201_reference.py (an independent PyTorch build of the network
    // with hooks on Conv2d/Linear; torch 1.13 from Debian's python3-torch).
    [Theory]
    [InlineData("|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|", 1_531_546, 220_119_690)]
    [InlineData("|none~0|+|none~0|none~1|+|none~0|none~1|none~2|", 73_306, 7_783_050)]
    [InlineData("|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|", 1_073_466, 153_272_970)]
    [InlineData("|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|", 129_306, 15_647_370)]
    public void Params_and_flops_match_the_pytorch_reference(string arch, long parameters, long flops)
    {
        var cell = Nb201Cell.ParseCellString(arch);

        Assert.Equal(parameters, Nb201Network.Parameters(cell));
        Assert.Equal(flops, Nb201Network.Flops(cell));
    }

    [Theory]
    [InlineData("|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|", 3, 51)]
    [InlineData("|skip_connect~0|+|none~0|avg_pool_3x3~1|+|none~0|none~1|skip_connect~2|", 0, 6)]
    [InlineData("|nor_conv_1x1~0|+|none~0|none~1|+|skip_connect~0|none~1|none~2|", 0, 6)]
    [InlineData("|nor_conv_1x1~0|+|none~0|nor_conv_3x3~1|+|skip_connect~0|none~1|nor_conv_1x1~2|", 3, 51)]
    public void Depth_counts_convs_on_the_longest_connected_path(string arch, int cellDepth, int depth)
    {
        var cell = Nb201Cell.ParseCellString(arch);

        Assert.Equal(cellDepth, Nb201Network.LongestConvPath(cell));
        Assert.Equal(depth, Nb201Network.Depth(cell));
    }

    [Theory]
    [InlineData("|none~0|+|none~0|none~1|+|none~0|none~1|none~2|", false)]
    [InlineData("|nor_conv_3x3~0|+|none~0|nor_conv_3x3~1|+|none~0|none~1|none~2|", false)]
    [InlineData("|none~0|+|none~0|nor_conv_3x3~1|+|none~0|nor_conv_3x3~1|nor_conv_3x3~2|", false)]
    [InlineData("|none~0|+|skip_connect~0|none~1|+|none~0|none~1|avg_pool_3x3~2|", true)]
    [InlineData("|none~0|+|none~0|none~1|+|skip_connect~0|none~1|none~2|", true)]
    public void Connected_means_output_reachable_through_non_none_edges(string arch, bool connected)
    {
        var cell = Nb201Cell.ParseCellString(arch);

        Assert.Equal(connected, Nb201Network.IsConnected(cell));
        Assert.Equal(connected, Nb201Network.Depth(cell) > 0);
    }

    [Fact]
    public void Disconnected_cells_are_exactly_the_341_cells_at_10_percent()
    {
        var table = SharedTable.Load();

        var disconnected = table.Rows.Where(r => !Nb201Network.IsConnected(r.Cell)).Select(r => r.Index).Order().ToArray();
        var atChance = table.Rows.Where(r => r.TestAccuracy == 10.0).Select(r => r.Index).Order().ToArray();

        Assert.Equal(341, disconnected.Length);
        Assert.Equal(atChance, disconnected);
    }

    [Fact]
    public void Statistics_span_the_benchmark_range()
    {
        var table = SharedTable.Load();

        var parameters = table.Rows.Select(r => Nb201Network.Parameters(r.Cell)).ToArray();
        var flops = table.Rows.Select(r => Nb201Network.Flops(r.Cell)).ToArray();

        Assert.Equal(73_306, parameters.Min());
        Assert.Equal(1_531_546, parameters.Max());
        Assert.Equal(7_783_050, flops.Min());
        Assert.Equal(220_119_690, flops.Max());
    }
}
