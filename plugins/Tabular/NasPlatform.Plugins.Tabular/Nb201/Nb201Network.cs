namespace NasPlatform.Plugins.Tabular.Nb201;

/// <summary>
/// Free statistics of the network NAS-Bench-201 trains around a cell (the benchmark's
/// TinyNetwork, CIFAR-10): a 3x3 stem conv 3→16 with BN; three stages of 5 cells at 16, 32 and
/// 64 channels on 32x32, 16x16 and 8x8 maps; between stages a residual reduction block
/// (ReLU-conv3x3 stride 2-BN, ReLU-conv3x3-BN, shortcut 2x2 avg-pool then 1x1 conv); then BN,
/// ReLU, global average pooling and a linear classifier 64→10.
/// </summary>
/// <remarks>
/// Counting conventions (the benchmark's own, so the numbers match its "params" and "flops"):
/// <list type="bullet">
/// <item><c>params</c>: trainable parameters: conv weights (convs have no bias), BatchNorm
/// scale and shift (2 per channel; running statistics are buffers, not counted), classifier
/// weights and biases. Every edge's op is built even when its input node is dead, so it counts.</item>
/// <item><c>flops</c>: multiply-accumulates per 32x32 image of conv layers (k·k·Cin·Cout·Hout·Wout)
/// and of the classifier (in·out + out for the bias). Pooling, BatchNorm, ReLU and additions
/// are not counted, nor are skip and none edges.</item>
/// <item><c>depth</c>: parametric layers (convs and the classifier) on the longest path from the
/// image to the logits: stem 1 + 15 × (most convs on one input→output path of the cell) +
/// 2 × 2 (the reduction blocks' main branch) + classifier 1; 0 when the cell is not connected.</item>
/// <item><c>connected</c>: 1 when the cell's output node is reachable from its input through
/// edges that are not <c>none</c>, else 0 (the network's output is then constant).</item>
/// </list>
/// </remarks>
public static class Nb201Network
{
    /// <summary>Channels of the three stages.</summary>
    public static readonly IReadOnlyList<int> StageChannels = [16, 32, 64];

    /// <summary>Feature map side of the three stages (32x32 input).</summary>
    public static readonly IReadOnlyList<int> StageResolution = [32, 16, 8];

    /// <summary>Cells per stage.</summary>
    public const int CellsPerStage = 5;

    /// <summary>Classes of CIFAR-10.</summary>
    public const int Classes = 10;

    private const int InputChannels = 3;
    private const int InputSide = 32;
    private const int NoneOp = 0;

    /// <summary>The statistics of a cell, by name: params, flops, depth, connected.</summary>
    public static IReadOnlyDictionary<string, double> Statistics(Nb201Cell cell) => new Dictionary<string, double>
    {
        ["params"] = Parameters(cell),
        ["flops"] = Flops(cell),
        ["depth"] = Depth(cell),
        ["connected"] = IsConnected(cell) ? 1 : 0,
    };

    /// <summary>Trainable parameters of the whole network.</summary>
    public static long Parameters(Nb201Cell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var c0 = StageChannels[0];
        long total = Conv(InputChannels, c0, 3) + BatchNorm(c0);
        for (var stage = 0; stage < StageChannels.Count; stage++)
        {
            var c = StageChannels[stage];
            if (stage > 0)
            {
                total += ReductionBlockParameters(StageChannels[stage - 1], c);
            }

            long perCell = 0;
            foreach (var op in cell.OperationIndices)
            {
                perCell += EdgeParameters(op, c);
            }

            total += CellsPerStage * perCell;
        }

        var last = StageChannels[^1];
        return total + BatchNorm(last) + ((long)last * Classes) + Classes;
    }

    /// <summary>Multiply-accumulates of one forward pass on one 32x32 image.</summary>
    public static long Flops(Nb201Cell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        long area0 = InputSide * InputSide;
        long total = (long)Conv(InputChannels, StageChannels[0], 3) * area0;
        for (var stage = 0; stage < StageChannels.Count; stage++)
        {
            var c = StageChannels[stage];
            long area = (long)StageResolution[stage] * StageResolution[stage];
            if (stage > 0)
            {
                var cin = StageChannels[stage - 1];

                // Both main-branch convs and the shortcut's 1x1 conv produce the output resolution.
                total += ((long)Conv(cin, c, 3) + Conv(c, c, 3) + Conv(cin, c, 1)) * area;
            }

            long perCell = 0;
            foreach (var op in cell.OperationIndices)
            {
                perCell += EdgeConvWeights(op, c) * area;
            }

            total += CellsPerStage * perCell;
        }

        var last = StageChannels[^1];
        return total + ((long)last * Classes) + Classes;
    }

    /// <summary>Whether the cell's output node is reachable from its input through non-none edges.</summary>
    public static bool IsConnected(Nb201Cell cell) => LongestConvPath(cell) >= 0;

    /// <summary>Parametric layers on the longest image→logits path; 0 when the cell is not connected.</summary>
    public static int Depth(Nb201Cell cell)
    {
        var cellDepth = LongestConvPath(cell);
        if (cellDepth < 0)
        {
            return 0;
        }

        const int Stem = 1, ReductionMainBranch = 2, Classifier = 1;
        var cells = CellsPerStage * StageChannels.Count;
        return Stem + (cells * cellDepth) + ((StageChannels.Count - 1) * ReductionMainBranch) + Classifier;
    }

    /// <summary>
    /// Most conv edges on one path from node 0 to node 3 through non-none edges; -1 when node 3
    /// is unreachable. Nodes are in topological order, so one pass suffices.
    /// </summary>
    internal static int LongestConvPath(Nb201Cell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var best = new[] { 0, -1, -1, -1 };
        for (var e = 0; e < Nb201Cell.EdgeCount; e++)
        {
            var (from, to) = Nb201Cell.Edges[e];
            var op = cell.OperationIndices[e];
            if (op == NoneOp || best[from] < 0)
            {
                continue;
            }

            best[to] = Math.Max(best[to], best[from] + (IsConv(op) ? 1 : 0));
        }

        return best[3];
    }

    private static bool IsConv(int op) => Nb201Cell.Operations[op] is "nor_conv_1x1" or "nor_conv_3x3";

    // Cell edges keep the stage's channel count, so pooling and skip need no projection.
    private static long EdgeParameters(int op, int channels)
    {
        var weights = EdgeConvWeights(op, channels);
        return weights == 0 ? 0 : weights + BatchNorm(channels);
    }

    private static long EdgeConvWeights(int op, int channels) => Nb201Cell.Operations[op] switch
    {
        "nor_conv_1x1" => Conv(channels, channels, 1),
        "nor_conv_3x3" => Conv(channels, channels, 3),
        _ => 0,
    };

    private static long ReductionBlockParameters(int cin, int cout) =>
        Conv(cin, cout, 3) + BatchNorm(cout) + Conv(cout, cout, 3) + BatchNorm(cout) + Conv(cin, cout, 1);

    private static int Conv(int cin, int cout, int kernel) => cin * cout * kernel * kernel;

    private static int BatchNorm(int channels) => 2 * channels;
}
