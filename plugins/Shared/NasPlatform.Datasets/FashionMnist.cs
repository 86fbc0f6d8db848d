namespace NasPlatform.Datasets;

/// <summary>
/// Loads Fashion-MNIST (Xiao, Rasul &amp; Vollgraf 2017) from its four IDX files, by default where the Debian
/// package <c>dataset-fashion-mnist</c> puts them. Every <see cref="Load"/> reads the files: a plugin keeps
/// what it derives from them in the cache its host bounds (<c>ComponentContext.Cache</c>), under
/// <see cref="CacheKey"/>, so no process-wide copy outlives its use.
/// </summary>
public static class FashionMnist
{
    /// <summary>Where <c>apt-get install dataset-fashion-mnist</c> installs the IDX files.</summary>
    public const string DefaultFolder = "/usr/share/datasets/fashion-mnist";

    /// <summary>The ten class names, by label.</summary>
    public static IReadOnlyList<string> ClassNames { get; } =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>Reads the train and test splits from <paramref name="folder"/> (default <see cref="DefaultFolder"/>).</summary>
    public static FashionMnistData Load(string? folder = null) => LoadFrom(Path.GetFullPath(folder ?? DefaultFolder));

    /// <summary>
    /// The key of what is read from <paramref name="folder"/> (default <see cref="DefaultFolder"/>) in a cache:
    /// its full path and <see cref="FileStamp"/>, so a reinstalled or edited data set is read afresh.
    /// </summary>
    public static string CacheKey(string? folder = null)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder ?? DefaultFolder));
        return $"{full}|{FileStamp.Of(full)}";
    }

    /// <summary>Approximate bytes <paramref name="data"/> holds in memory, for a cache bounded by size.</summary>
    public static long SizeOf(FashionMnistData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return (long)data.Train.Pixels.Length + data.Train.Labels.Length + data.Test.Pixels.Length + data.Test.Labels.Length;
    }

    /// <summary>
    /// A class label from a name ("t-shirt/top", "Trouser", "ankle boot"; case, spaces and punctuation
    /// ignored; "tshirt", "top", "boot" accepted) or an index 0-9.
    /// </summary>
    public static int ParseClass(string nameOrIndex)
    {
        ArgumentNullException.ThrowIfNull(nameOrIndex);
        if (int.TryParse(nameOrIndex.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
        {
            return index is >= 0 and <= 9
                ? index
                : throw new ArgumentException($"Fashion-MNIST class index {index} is out of range: use 0-9 or a name ({string.Join(", ", ClassNames)}).");
        }

        var key = Normalize(nameOrIndex);
        for (var label = 0; label < ClassNames.Count; label++)
        {
            if (Normalize(ClassNames[label]) == key)
            {
                return label;
            }
        }

        return key switch
        {
            "tshirt" or "top" or "tee" => 0,
            "trousers" or "pants" => 1,
            "boot" or "ankleboots" => 9,
            _ => throw new ArgumentException(
                $"Unknown Fashion-MNIST class '{nameOrIndex}': use one of {string.Join(", ", ClassNames.Select((n, i) => $"{i} \"{n}\""))}."),
        };
    }

    private static string Normalize(string name) =>
        new([.. name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);

    private static FashionMnistData LoadFrom(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException(folder == Path.GetFullPath(DefaultFolder)
                ? $"Fashion-MNIST is not installed: {folder} does not exist. Install it with `apt-get install dataset-fashion-mnist` "
                  + "(Debian/Ubuntu), or point the option 'dataFolder' at a folder holding train-images-idx3-ubyte.gz, "
                  + "train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz."
                : $"Fashion-MNIST folder {folder} does not exist: it should hold train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, "
                  + "t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz (plain or gzip), as installed by `apt-get install dataset-fashion-mnist`.");
        }

        return new FashionMnistData(LoadSplit(folder, "train", 60000), LoadSplit(folder, "t10k", 10000));
    }

    private static LabeledImages LoadSplit(string folder, string prefix, int expectedCount)
    {
        var images = IdxReader.Read(Locate(folder, $"{prefix}-images-idx3-ubyte"));
        var labels = IdxReader.Read(Locate(folder, $"{prefix}-labels-idx1-ubyte"));
        if (images.Dimensions.Count != 3)
        {
            throw new InvalidDataException($"IDX file {images.Path}: expected 3 dimensions (images x rows x columns), found {images.Dimensions.Count}.");
        }

        if (labels.Dimensions.Count != 1)
        {
            throw new InvalidDataException($"IDX file {labels.Path}: expected 1 dimension (labels), found {labels.Dimensions.Count}.");
        }

        if (images.Count != labels.Count)
        {
            throw new InvalidDataException($"{images.Path} holds {images.Count} images but {labels.Path} holds {labels.Count} labels.");
        }

        if (images.Count != expectedCount)
        {
            throw new InvalidDataException($"IDX file {images.Path}: Fashion-MNIST's {prefix} split has {expectedCount} images, this file {images.Count}.");
        }

        for (var i = 0; i < labels.Values.Length; i++)
        {
            if (labels.Values[i] > 9)
            {
                throw new InvalidDataException($"IDX file {labels.Path}: label {i} is {labels.Values[i]}; Fashion-MNIST labels are 0-9.");
            }
        }

        return new LabeledImages(images.Values, labels.Values, images.Dimensions[1], images.Dimensions[2]);
    }

    private static string Locate(string folder, string name)
    {
        foreach (var candidate in new[] { name + ".gz", name })
        {
            var path = Path.Combine(folder, candidate);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException(
            $"Fashion-MNIST folder {folder} lacks {name}.gz (or {name}); reinstall with `apt-get install --reinstall dataset-fashion-mnist` or fix 'dataFolder'.",
            Path.Combine(folder, name + ".gz"));
    }
}
