namespace NasPlatform.Plugins.Eda.Spaces;

/// <summary>
/// Parameters and forward FLOPs (2 per multiply-add, convolutions and the head; batch norm and
/// activations left out) of a <see cref="RoutabilityNet"/> on a grid x grid input of some channels,
/// computed from the description: free statistics, known before any training.
/// </summary>
public static class NetworkCost
{
    public static (long Parameters, double Flops) Of(RoutabilityNet net, int channels, int grid)
    {
        long parameters = 0;
        double flops = 0;
        void Conv(int input, int output, int kernel, int resolution)
        {
            parameters += (long)input * output * kernel * kernel + output;
            flops += 2.0 * resolution * resolution * input * output * kernel * kernel;
        }

        var res = grid;
        var inChannels = channels;
        foreach (var stage in net.Stages)
        {
            for (var c = 0; c < stage.Convs; c++)
            {
                Conv(inChannels, stage.Width, stage.Kernel, res);
                parameters += 2L * stage.Width; // batch norm scale and shift
                inChannels = stage.Width;
            }

            res /= 2;
            if (stage.Down == "strided")
                Conv(stage.Width, stage.Width, 3, res);
        }

        var current = inChannels;
        parameters += 2L * current + 1; // ratio head: average and max pooled features -> 1
        flops += 2.0 * 2 * current;
        for (var s = net.Stages.Count - 1; s >= 0; s--)
        {
            var stage = net.Stages[s];
            res *= 2;
            if (net.Upsample == "transposed")
                Conv(current, current, 2, res / 2); // 2x2 stride 2: each input pixel meets each weight once
            var input = current + (stage.Skip == "concat" ? stage.Width : 0);
            Conv(input, stage.Width, net.DecoderKernel, res);
            parameters += 2L * stage.Width;
            current = stage.Width;
        }

        Conv(current, 1, 1, grid);
        return (parameters, flops);
    }
}
