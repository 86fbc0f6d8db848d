using System.Diagnostics;
using NasPlatform.Plugins.Vision.Networks;
using static TorchSharp.torch;

namespace NasPlatform.Plugins.Vision.Evaluation;

/// <summary>CPU inference latency of one image (batch 1, evaluation mode, on the calling thread's LibTorch setting): the median of timed runs after warm-up.</summary>
public static class LatencyProbe
{
    public static double MeasureMilliseconds(NetworkSpec network, int runs = 20)
    {
        using var model = NetworkBuilder.Build(network, 0, seed: 0);
        model.eval();
        using var noGrad = no_grad();
        using var input = zeros(1, network.InChannels, network.Resolution, network.Resolution);
        var times = new double[runs];
        for (var i = -3; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            using (var output = model.forward(input))
            {
                clock.Stop();
            }

            if (i >= 0)
            {
                times[i] = clock.Elapsed.TotalMilliseconds;
            }
        }

        Array.Sort(times);
        return times[runs / 2];
    }
}
