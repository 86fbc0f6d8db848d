using NasPlatform.Torch;
using System.Diagnostics;
using System.Globalization;
using NasPlatform.Eda.Features;
using NasPlatform.Plugins.Eda.Metrics;
using NasPlatform.Plugins.Eda.Models;
using NasPlatform.Plugins.Eda.Spaces;
using TorchSharp;
using static TorchSharp.torch;

namespace NasPlatform.Plugins.Eda.Training;

/// <summary>
/// Trains a <see cref="RoutabilityNet"/> with its recipe (AdamW; loss = BCE of the ratio logit against the
/// failed-net ratio + hotspotWeight x BCE of the hotspot logits) and scores it. Every random choice
/// (weights, the data fraction, batch order) comes from the seed; with one LibTorch thread a seed
/// reproduces the same scores.
/// </summary>
public static class RoutabilityTrainer
{
    public sealed record Result(RoutabilityScores Validation, RoutabilityScores Test, double FinalLoss, int Epochs, int TrainSamples, double Seconds)
    {
        /// <summary>A few test placements with their maps and predictions, for the trial's views.</summary>
        public IReadOnlyList<HotspotExample> TestExamples { get; init; } = [];
    }

    /// <summary>How many held-out placements a trial keeps for showing.</summary>
    public const int ExampleCount = 3;

    /// <summary>
    /// Trains <paramref name="net"/> on the training split and scores it on the validation and test splits; with
    /// <paramref name="weightsPath"/>, also saves the trained weights there (TorchSharp's format, for
    /// <see cref="RoutabilityModel"/>'s load and the ONNX export). With <paramref name="flips"/>, each training sample is
    /// mirrored at random per batch (<see cref="Mirror"/>); the draws come from the same seeded generator, after the shuffle.
    /// </summary>
    public static Result TrainAndScore(RoutabilityNet net, RoutabilityData data, double epochScale, double dataFraction, int seed, IProgress<EpochReport>? progress, CancellationToken cancellationToken, string? weightsPath = null, bool flips = false)
    {
        var watch = Stopwatch.StartNew();
        var rng = new Random(seed);
        var train = data.Train.ToList();
        if (dataFraction < 1)
        {
            rng.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(train));
            train = train.Take(Math.Max(net.Recipe.BatchSize, (int)Math.Round(train.Count * dataFraction))).ToList();
        }

        var epochs = Math.Max(1, (int)Math.Round(net.Recipe.Epochs * epochScale));
        using var model = new RoutabilityModel(net, data.Channels, rng);
        using optim.Optimizer optimizer = new NasPlatform.Torch.Optimizers.AdamW(model.parameters(), net.Recipe.LearningRate, weightDecay: net.Recipe.WeightDecay);
        // Scalars explicit and held for the whole training (see NasPlatform.Torch.ScalarScope).
        using var s = new ScalarScope();
        var hotspotWeight = s.Of(net.Recipe.HotspotWeight);
        var order = Enumerable.Range(0, train.Count).ToArray();
        double epochLoss = 0;
        RoutabilityScores? validation = null;
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            model.train();
            rng.Shuffle(order);
            epochLoss = 0;
            for (var start = 0; start < order.Length; start += net.Recipe.BatchSize)
            {
                var batch = order.Skip(start).Take(net.Recipe.BatchSize).Select(i => train[i]).ToList();
                if (batch.Count < 2)
                    continue; // batch norm needs two samples
                using var scope = NewDisposeScope();
                var (x, hot, ratio) = Batch(flips ? [.. batch.Select(sample => Mirror(sample, data.Grid, data.Channels, rng.Next(4)))] : batch, data);
                optimizer.zero_grad();
                var (ratioLogit, hotLogits) = model.call(x);
                var loss = nn.functional.binary_cross_entropy_with_logits(ratioLogit, ratio)
                    .add(nn.functional.binary_cross_entropy_with_logits(hotLogits, hot), hotspotWeight);
                loss.backward();
                optimizer.step();
                epochLoss += loss.item<float>() * batch.Count;
            }

            epochLoss /= Math.Max(1, train.Count);
            // Validated every epoch only when someone listens (a pruner); scoring draws no random numbers and
            // leaves the weights alone, so the trained model and its final scores are the same either way.
            if (progress is not null || epoch == epochs - 1)
            {
                model.eval();
                validation = Score(model, data.Validation, data);
            }

            progress?.Report(new EpochReport(epoch + 1, epochs, epochLoss, validation!));
        }

        model.eval();
        if (weightsPath is not null)
            model.save(weightsPath);
        return new Result(validation!, Score(model, data.Test, data), epochLoss, epochs, train.Count, watch.Elapsed.TotalSeconds)
        {
            TestExamples = Examples(model, data.Test, data, ExampleCount, data.ChannelIndex(FeatureChannels.Rudy)),
        };
    }

    /// <summary>
    /// Up to <paramref name="count"/> of <paramref name="samples"/> spread over the true failed-net ratio (the lowest,
    /// the highest and evenly between, ties by key), with the model's hotspot probabilities and ratio; the feature map
    /// is channel <paramref name="channel"/> of the model's (scaled) input.
    /// </summary>
    public static IReadOnlyList<HotspotExample> Examples(RoutabilityModel model, IReadOnlyList<RoutabilitySample> samples, RoutabilityData data, int count, int channel)
    {
        if (samples.Count == 0 || count < 1)
            return [];
        var sorted = samples.OrderBy(s => s.Ratio).ThenBy(s => s.Key, StringComparer.Ordinal).ToList();
        var picked = (count == 1 ? [sorted.Count / 2] : Enumerable.Range(0, count).Select(i => (int)Math.Round(i * (sorted.Count - 1) / (double)(count - 1))))
            .Distinct().Select(i => sorted[i]).ToList();
        var tiles = data.Grid * data.Grid;
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var (x, _, _) = Batch(picked, data);
        var (ratioLogit, hotLogits) = model.call(x);
        var ratio = ratioLogit.sigmoid().data<float>().ToArray();
        var hot = hotLogits.sigmoid().contiguous().data<float>().ToArray();
        return picked.Select((s, i) => new HotspotExample(
            s.Key,
            s.Design,
            s.Conditions,
            s.Ratio,
            ratio[i],
            s.Features.AsSpan(channel * tiles, tiles).ToArray(),
            (float[])s.Hotspot.Clone(),
            hot.AsSpan(i * tiles, tiles).ToArray())).ToList();
    }

    public static RoutabilityScores Score(RoutabilityModel model, IReadOnlyList<RoutabilitySample> samples, RoutabilityData data)
    {
        if (samples.Count == 0)
            return new RoutabilityScores(0, 0.5, 0);
        var predicted = new List<double>(samples.Count);
        var scores = new List<float>(samples.Count * data.Grid * data.Grid);
        var labels = new List<float>(scores.Capacity);
        using var noGrad = no_grad();
        for (var start = 0; start < samples.Count; start += 64)
        {
            using var scope = NewDisposeScope();
            var batch = samples.Skip(start).Take(64).ToList();
            var (x, _, _) = Batch(batch, data);
            var (ratioLogit, hotLogits) = model.call(x);
            predicted.AddRange(ratioLogit.data<float>().ToArray().Select(v => (double)v));
            scores.AddRange(hotLogits.contiguous().data<float>().ToArray());
            foreach (var s in batch)
                labels.AddRange(s.Hotspot);
        }

        var truth = samples.Select(s => s.Ratio).ToList();
        return new RoutabilityScores(
            KendallTau.Compute(predicted, truth),
            RocAuc.Compute(scores, labels),
            samples.Count,
            KendallTau.WithinGroups(predicted, truth, samples.Select(s => s.Conditions).ToList()),
            KendallTau.WithinGroups(predicted, truth, samples.Select(PlacementGroup).ToList(), skipTiedTruths: true));
    }

    /// <summary>The placements that differ by placement seed only: same design, density and routing condition.</summary>
    private static string PlacementGroup(RoutabilitySample s) => string.Create(CultureInfo.InvariantCulture, $"{s.Design} d{s.Density:R} {s.Conditions}");

    /// <summary>
    /// <paramref name="sample"/> with its feature channels and hotspot map mirrored: <paramref name="how"/> bit 0 left-right,
    /// bit 1 top-bottom (0: the sample itself). The failed-net ratio stays.
    /// </summary>
    public static RoutabilitySample Mirror(RoutabilitySample sample, int grid, int channels, int how)
    {
        ArgumentNullException.ThrowIfNull(sample);
        if (how == 0)
            return sample;
        var features = new float[sample.Features.Length];
        for (var c = 0; c < channels; c++)
            MirrorMap(sample.Features.AsSpan(c * grid * grid, grid * grid), features.AsSpan(c * grid * grid, grid * grid), grid, how);
        var hotspot = new float[sample.Hotspot.Length];
        MirrorMap(sample.Hotspot, hotspot, grid, how);
        return sample with { Features = features, Hotspot = hotspot };
    }

    private static void MirrorMap(ReadOnlySpan<float> from, Span<float> to, int grid, int how)
    {
        for (var y = 0; y < grid; y++)
        {
            var sourceRow = (how & 2) != 0 ? grid - 1 - y : y;
            for (var x = 0; x < grid; x++)
                to[(y * grid) + x] = from[(sourceRow * grid) + ((how & 1) != 0 ? grid - 1 - x : x)];
        }
    }

    private static (Tensor X, Tensor Hotspot, Tensor Ratio) Batch(List<RoutabilitySample> batch, RoutabilityData data)
    {
        var g = data.Grid;
        var features = new float[batch.Count * data.Channels * g * g];
        var hot = new float[batch.Count * g * g];
        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Features.CopyTo(features, i * data.Channels * g * g);
            batch[i].Hotspot.CopyTo(hot, i * g * g);
        }

        return (
            tensor(features, [batch.Count, data.Channels, g, g]),
            tensor(hot, [batch.Count, g, g]),
            tensor(batch.Select(s => (float)s.Ratio).ToArray(), [batch.Count]));
    }
}
