using System.Diagnostics;
using System.Globalization;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Plugins.Vision.Networks;
using NasPlatform.Torch;
using static TorchSharp.torch;

namespace NasPlatform.Plugins.Vision.Evaluation;

/// <summary>
/// Training throughput of a network on the CPU: images per second of one training step (forward, cross-entropy,
/// backward and an SGD step with momentum, in training mode) at the recipe's batch size, on the process's LibTorch
/// threads (one in a search), the median of a few timed steps after warm-up on seeded random images. A MACs bound
/// misjudges depthwise convolutions, which LibTorch's CPU kernels run several times slower per MAC than dense ones,
/// so a CPU search that trades MBConv against Fused-MBConv blocks needs this measured figure. Measured once per
/// network shape and batch size (the key; never the weights or the rest of the recipe) and kept in the plugin's
/// <see cref="IComponentCache"/>.
/// </summary>
public static class TrainingThroughputProbe
{
    /// <summary>The free statistic's name.</summary>
    public const string Statistic = "train_images_per_s";

    /// <summary>
    /// The cache key of a measurement: the network's layers (their record text: kinds, widths, kernels, strides,
    /// expansions, squeeze-excitation, activations), input, batch size and LibTorch thread count.
    /// </summary>
    public static string Key(NetworkSpec network, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(network);
        return string.Create(CultureInfo.InvariantCulture,
            $"train-throughput|{network.InChannels}x{network.Resolution}|{string.Join(";", network.Layers)}|batch {batchSize}|threads {TorchThreads.Current}");
    }

    /// <summary>The cached images per second of <paramref name="network"/> at <paramref name="batchSize"/>, measured when absent.</summary>
    public static double ImagesPerSecond(NetworkSpec network, int batchSize, IComponentCache cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
        return cache.GetOrAdd(Key(network, batchSize), () => new Measurement(Measure(network, batchSize))).ImagesPerSecond;
    }

    /// <summary>Measures (no cache): <paramref name="warmup"/> untimed steps, then the median of <paramref name="steps"/> timed ones.</summary>
    public static double Measure(NetworkSpec network, int batchSize, int steps = 3, int warmup = 1)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        TorchRuntime.EnsureAvailable();
        var classes = network.Layers.OfType<LinearLayer>().LastOrDefault()?.Out
            ?? throw new ArgumentException("The network ends in no linear classifier.", nameof(network));
        using var model = NetworkBuilder.Build(network, 0, seed: 0);
        using optim.Optimizer optimizer = new NasPlatform.Torch.Optimizers.SGD(model.parameters(), 0.01, momentum: 0.9);
        model.train();
        var rng = new Random(0);
        var pixels = new float[batchSize * network.InChannels * network.Resolution * network.Resolution];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (float)(rng.NextDouble() * 2 - 1);
        }

        using var images = tensor(pixels, [batchSize, network.InChannels, network.Resolution, network.Resolution]);
        using var labels = tensor(Enumerable.Range(0, batchSize).Select(_ => (long)rng.Next(classes)).ToArray(), [batchSize]);
        var seconds = new double[steps];
        for (var s = -warmup; s < steps; s++)
        {
            var clock = Stopwatch.StartNew();
            using (NewDisposeScope())
            {
                optimizer.zero_grad();
                nn.functional.cross_entropy(model.forward(images), labels).backward();
                optimizer.step();
            }

            if (s >= 0)
            {
                seconds[s] = clock.Elapsed.TotalSeconds;
            }
        }

        Array.Sort(seconds);
        return batchSize / seconds[steps / 2];
    }

    /// <summary>A measurement as the cache holds it (a reference type).</summary>
    private sealed record Measurement(double ImagesPerSecond);
}
