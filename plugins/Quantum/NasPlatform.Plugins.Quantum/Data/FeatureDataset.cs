using NasPlatform.Abstractions.Plugins;
using NasPlatform.Datasets;

namespace NasPlatform.Plugins.Quantum.Data;

/// <summary>
/// Two Fashion-MNIST classes as angle features: pixels scaled to [0, 1], PCA fitted on the train split of
/// the two classes only, each component min-max scaled to [AngleMin, AngleMax] with train statistics (test
/// values are clipped to that range), then a seeded, class-balanced subsample of each split.
/// </summary>
public sealed class FeatureDataset
{
    private FeatureDataset(FeatureDatasetOptions options, Pca pca, FeatureSplit train, FeatureSplit test)
    {
        Options = options;
        Pca = pca;
        Train = train;
        Test = test;
    }

    public FeatureDatasetOptions Options { get; }

    /// <summary>The PCA fitted on all train images of the two classes.</summary>
    public Pca Pca { get; }

    public FeatureSplit Train { get; }

    /// <summary>From the official test split (t10k).</summary>
    public FeatureSplit Test { get; }

    /// <summary>Share of the pixel variance the kept components explain.</summary>
    public double ExplainedVarianceRatio => Pca.ExplainedVariance.Sum() / Pca.TotalVariance;

    /// <summary>
    /// Loads Fashion-MNIST and prepares the features, keeping the images, the full PCA of the class pair and
    /// the features in <paramref name="cache"/> (the plugin's, host-owned) under the options and the files' stamp.
    /// </summary>
    public static FeatureDataset Load(IComponentCache cache, FeatureDatasetOptions options)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(options);
        var source = FashionMnist.CacheKey(options.DataFolder);
        return cache.GetOrAdd($"features|{source}|{options}", () =>
        {
            var data = cache.GetOrAdd($"fashion-mnist|{source}", () => FashionMnist.Load(options.DataFolder), FashionMnist.SizeOf);
            return Prepare(data, options, cache, source);
        }, SizeOf);
    }

    /// <summary>The features of <paramref name="data"/>, computing the full PCA of the class pair afresh.</summary>
    public static FeatureDataset Prepare(FashionMnistData data, FeatureDatasetOptions options) => Prepare(data, options, UncachedComponentCache.Instance, string.Empty);

    /// <summary>
    /// The features of <paramref name="data"/>. One full PCA per data set and class pair is kept in
    /// <paramref name="cache"/> under <paramref name="dataKey"/> (which must name <paramref name="data"/>): the
    /// eigendecomposition (seconds) then serves every feature count and seed.
    /// </summary>
    public static FeatureDataset Prepare(FashionMnistData data, FeatureDatasetOptions options, IComponentCache cache, string dataKey)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        if (options.Features < 1 || options.Features > data.Train.PixelsPerImage)
        {
            throw new ArgumentException($"features must be between 1 and {data.Train.PixelsPerImage} (pixels per image); got {options.Features}.");
        }

        var trainA = data.Train.IndicesOf(options.ClassA);
        var trainB = data.Train.IndicesOf(options.ClassB);
        var testA = data.Test.IndicesOf(options.ClassA);
        var testB = data.Test.IndicesOf(options.ClassB);
        var fitRows = trainA.Concat(trainB).Order().ToArray();
        var images = data.Train;
        var pair = $"{Math.Min(options.ClassA, options.ClassB)},{Math.Max(options.ClassA, options.ClassB)}";
        var pca = cache.GetOrAdd($"full-pca|{dataKey}|{pair}", () => FullPca(images, fitRows), PcaBytes).Truncate(options.Features);

        // Min-max statistics over every train image of the two classes, not just the subsample, so the
        // scaling does not change with trainSamples.
        var scores = Project(images, fitRows, pca);
        var n = options.Features;
        var min = Enumerable.Repeat(double.PositiveInfinity, n).ToArray();
        var max = Enumerable.Repeat(double.NegativeInfinity, n).ToArray();
        for (var r = 0; r < fitRows.Length; r++)
        {
            for (var k = 0; k < n; k++)
            {
                min[k] = Math.Min(min[k], scores[r * n + k]);
                max[k] = Math.Max(max[k], scores[r * n + k]);
            }
        }

        var random = new Random(options.Seed);
        var trainRows = Subsample(trainA, trainB, options.TrainSamples, random);
        var testRows = Subsample(testA, testB, options.TestSamples, random);
        var train = Split(data.Train, trainRows, options, pca, min, max);
        var test = Split(data.Test, testRows, options, pca, min, max);
        return new FeatureDataset(options, pca, train, test);
    }

    private static Pca FullPca(LabeledImages images, int[] fitRows) =>
        Pca.Fit(fitRows.Length, images.PixelsPerImage, images.PixelsPerImage, (row, destination) => Pixels(images, fitRows[row], destination));

    private static long PcaBytes(Pca pca) => (long)(pca.ComponentCount + 2) * pca.InputDimension * sizeof(double);

    private static long SizeOf(FeatureDataset dataset) =>
        PcaBytes(dataset.Pca) + (long)(dataset.Train.Features.LongLength + dataset.Test.Features.LongLength) * sizeof(double);

    private static void Validate(FeatureDatasetOptions o)
    {
        if (o.ClassA is < 0 or > 9 || o.ClassB is < 0 or > 9)
        {
            throw new ArgumentException($"Fashion-MNIST classes are 0-9; got {o.ClassA} and {o.ClassB}.");
        }

        if (o.ClassA == o.ClassB)
        {
            throw new ArgumentException($"The two classes must differ; both are {o.ClassA} ({FashionMnist.ClassNames[o.ClassA]}).");
        }

        if (o.TrainSamples < 0 || o.TestSamples < 0)
        {
            throw new ArgumentException($"trainSamples and testSamples must be positive (0 = all); got {o.TrainSamples} and {o.TestSamples}.");
        }

        if (!(o.AngleMax > o.AngleMin))
        {
            throw new ArgumentException($"The angle range [{o.AngleMin}, {o.AngleMax}] is empty.");
        }
    }

    private static void Pixels(LabeledImages images, int index, Span<double> destination)
    {
        var image = images.Image(index);
        for (var p = 0; p < image.Length; p++)
        {
            destination[p] = image[p] / 255.0;
        }
    }

    private static double[] Project(LabeledImages images, int[] rows, Pca pca)
    {
        var n = pca.ComponentCount;
        var scores = new double[rows.Length * n];
        Parallel.For(0, rows.Length, () => new double[images.PixelsPerImage], (r, _, pixels) =>
        {
            Pixels(images, rows[r], pixels);
            pca.Transform(pixels, scores.AsSpan(r * n, n));
            return pixels;
        }, _ => { });
        return scores;
    }

    /// <summary>
    /// <paramref name="count"/> rows (0 = all), half from each class (the odd one from <paramref name="a"/>),
    /// drawn by a seeded shuffle, returned in file order.
    /// </summary>
    private static int[] Subsample(int[] a, int[] b, int count, Random random)
    {
        if (count == 0 || count >= a.Length + b.Length)
        {
            return [.. a.Concat(b).Order()];
        }

        var fromA = Math.Min(a.Length, count - count / 2);
        var fromB = Math.Min(b.Length, count - fromA);
        return [.. Shuffled(a, random).Take(fromA).Concat(Shuffled(b, random).Take(fromB)).Order()];
    }

    private static int[] Shuffled(int[] rows, Random random)
    {
        var copy = (int[])rows.Clone();
        random.Shuffle(copy);
        return copy;
    }

    private static FeatureSplit Split(LabeledImages images, int[] rows, FeatureDatasetOptions o, Pca pca, double[] min, double[] max)
    {
        var n = o.Features;
        var features = Project(images, rows, pca);
        for (var r = 0; r < rows.Length; r++)
        {
            for (var k = 0; k < n; k++)
            {
                var range = max[k] - min[k];
                var unit = range > 0 ? Math.Clamp((features[r * n + k] - min[k]) / range, 0.0, 1.0) : 0.5;
                features[r * n + k] = o.AngleMin + unit * (o.AngleMax - o.AngleMin);
            }
        }

        var labels = rows.Select(r => images.Labels[r] == o.ClassA ? 0 : 1).ToArray();
        return new FeatureSplit(features, labels, n);
    }
}
