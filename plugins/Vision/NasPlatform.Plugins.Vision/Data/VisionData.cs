using System.Collections.Concurrent;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Datasets;
using NasPlatform.Datasets.Images;

namespace NasPlatform.Plugins.Vision.Data;

/// <summary>
/// A labelled data set ready for training: the training split (normalized with its own per-channel mean and
/// standard deviation) and the test split (same normalization). The search holds out the last
/// <c>validationSize</c> training images as its validation split; only final training touches the test split.
/// Loaded once per source into the plugin's cache (the host's, bounded by size: see <see cref="IComponentCache"/>),
/// keyed with the files' <see cref="FileStamp"/> so edited images are read afresh.
/// </summary>
public sealed class VisionData
{
    private readonly ConcurrentDictionary<(string, int), Lazy<ImageSet>> _resized = new();

    private VisionData(string source, ImageSet train, ImageSet test, IReadOnlyList<string> classNames, Export.ExportedInput normalization)
    {
        Normalization = normalization;
        Source = source;
        Train = train;
        Test = test;
        ClassNames = classNames;
    }

    public string Source { get; }

    public ImageSet Train { get; }

    public ImageSet Test { get; }

    public IReadOnlyList<string> ClassNames { get; }

    public int Classes => ClassNames.Count;

    /// <summary>The training split's per-channel mean and deviation of the raw pixel values that every image was normalized with.</summary>
    public Export.ExportedInput Normalization { get; }

    /// <summary>Fashion-MNIST (or any MNIST-style set of the same four IDX files) from <paramref name="folder"/>, through <paramref name="cache"/>.</summary>
    public static VisionData FashionMnistFrom(IComponentCache cache, string? folder) =>
        Cached(cache, "idx:" + Path.GetFullPath(folder ?? FashionMnist.DefaultFolder), FashionMnist.CacheKey(folder), () =>
        {
            var data = FashionMnist.Load(folder);
            return (data.Train, data.Test, FashionMnist.ClassNames);
        });

    /// <summary>Image folders (one subfolder per class) for the training and test splits, through <paramref name="cache"/>.</summary>
    public static VisionData ImageFolders(IComponentCache cache, string train, string test) =>
        Cached(cache, $"folder:{Path.GetFullPath(train)}|{Path.GetFullPath(test)}", $"{FileStamp.Of(train)}|{FileStamp.Of(test)}", () =>
        {
            var (trainImages, classes) = ImageFolder.Load(train);
            var (testImages, testClasses) = ImageFolder.Load(test, grey: trainImages.Channels == 1);
            if (!classes.SequenceEqual(testClasses))
            {
                throw new InvalidDataException($"The class subfolders of {train} ({string.Join(", ", classes)}) and {test} ({string.Join(", ", testClasses)}) differ.");
            }

            if (trainImages.Rows != trainImages.Columns || testImages.Rows != trainImages.Rows || testImages.Columns != trainImages.Columns)
            {
                throw new InvalidDataException($"Images must be square and of one size in {train} and {test}; found {trainImages.Columns}x{trainImages.Rows} and {testImages.Columns}x{testImages.Rows}.");
            }

            return (Shuffled(trainImages), testImages, classes);
        });

    /// <summary>
    /// Folders list images class by class, so the training images are put in a fixed pseudo-random order (seed 0)
    /// before "the last N" can serve as a validation split with every class in it.
    /// </summary>
    private static LabeledImages Shuffled(LabeledImages images)
    {
        var order = Enumerable.Range(0, images.Count).ToArray();
        new Random(0).Shuffle(order);
        var pixels = new byte[images.Pixels.Length];
        var labels = new byte[images.Count];
        for (var i = 0; i < order.Length; i++)
        {
            images.Image(order[i]).CopyTo(pixels.AsSpan(i * images.PixelsPerImage));
            labels[i] = images.Labels[order[i]];
        }

        return new LabeledImages(pixels, labels, images.Rows, images.Columns, images.Channels);
    }

    /// <summary>The training split resized to <paramref name="size"/> (cached).</summary>
    public ImageSet TrainAt(int size) => At("train", Train, size);

    /// <summary>The test split resized to <paramref name="size"/> (cached).</summary>
    public ImageSet TestAt(int size) => At("test", Test, size);

    private ImageSet At(string split, ImageSet set, int size) =>
        _resized.GetOrAdd((split, size), _ => new Lazy<ImageSet>(() => set.Resized(size), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    /// <summary>Approximate bytes the normalized splits hold (resized copies come on top, a few per run).</summary>
    public long Bytes => (Train.Pixels.LongLength + Test.Pixels.LongLength) * sizeof(float) + Train.Labels.Length + Test.Labels.Length;

    /// <param name="cache">The plugin's cache.</param>
    /// <param name="source">Names the data (<see cref="Source"/>, part of a final training's checkpoint identity).</param>
    /// <param name="stamp">The files' fingerprint, which joins the source in the cache key.</param>
    /// <param name="load">Reads the splits.</param>
    private static VisionData Cached(IComponentCache cache, string source, string stamp, Func<(LabeledImages Train, LabeledImages Test, IReadOnlyList<string> Classes)> load)
    {
        ArgumentNullException.ThrowIfNull(cache);
        return cache.GetOrAdd($"{source}|{stamp}", () =>
        {
            var (train, test, classes) = load();
            var (mean, std) = Statistics(train);
            return new VisionData(source, Normalize(train, mean, std), Normalize(test, mean, std), classes, new Export.ExportedInput(mean, std));
        }, data => data.Bytes);
    }

    private static (double[] Mean, double[] Std) Statistics(LabeledImages images)
    {
        var plane = images.Rows * images.Columns;
        var mean = new double[images.Channels];
        var std = new double[images.Channels];
        for (var c = 0; c < images.Channels; c++)
        {
            double sum = 0, squares = 0;
            for (var i = 0; i < images.Count; i++)
            {
                foreach (var b in images.Image(i).Slice(c * plane, plane))
                {
                    sum += b;
                    squares += (double)b * b;
                }
            }

            var n = (double)images.Count * plane;
            mean[c] = sum / n;
            std[c] = Math.Sqrt(Math.Max(squares / n - mean[c] * mean[c], 1e-6));
        }

        return (mean, std);
    }

    private static ImageSet Normalize(LabeledImages images, double[] mean, double[] std)
    {
        var plane = images.Rows * images.Columns;
        var pixels = new float[images.Pixels.Length];
        for (var i = 0; i < pixels.Length; i++)
        {
            var c = i / plane % images.Channels;
            pixels[i] = (float)((images.Pixels[i] - mean[c]) / std[c]);
        }

        return new ImageSet(pixels, images.Labels, images.Channels, images.Rows);
    }
}
