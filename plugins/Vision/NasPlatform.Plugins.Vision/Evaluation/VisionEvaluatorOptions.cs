using NasPlatform.Abstractions.Plugins;
using NasPlatform.Datasets;
using NasPlatform.Plugins.Vision.Data;

namespace NasPlatform.Plugins.Vision.Evaluation;

/// <summary>The <c>train</c> evaluator's settings, resolved from <see cref="TrainEvaluatorOptions"/>: how to load the data, the fidelities, threads, latency and device.</summary>
public sealed record VisionEvaluatorOptions(
    Func<VisionData> Data,
    string DataDescription,
    int ValidationSize,
    IReadOnlyList<EcoNasFidelity> Fidelities,
    int Threads,
    bool Latency,
    string Device)
{
    /// <summary>The evaluator's settings from an experiment file's options: folders resolved against the file and checked.</summary>
    /// <exception cref="ComponentConfigurationException">A folder is missing, or two fidelities have the same factors.</exception>
    public static VisionEvaluatorOptions From(TrainEvaluatorOptions options, ComponentContext context)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        var (data, description) = DataOf(options, context);
        var fidelities = options.Fidelities.Select(f => f.ToFidelity()).ToList();
        if (fidelities.Select(f => f.Name).Distinct().Count() != fidelities.Count)
        {
            throw new ComponentConfigurationException("fidelities", "Two fidelities have the same factors; each (c, r, s, e) must differ.");
        }

        return new VisionEvaluatorOptions(data, description, options.ValidationSize, fidelities, options.Threads, options.Latency, options.Device);
    }

    // A cross-field rule the schema does not state: image-folder needs both folders (checked here, located at the option).
    private static (Func<VisionData> Data, string Description) DataOf(VisionDataOptions o, ComponentContext context)
    {
        if (o.Dataset == "fashion-mnist")
        {
            var folder = o.DataFolder is { } f ? context.ResolvePath(f) : FashionMnist.DefaultFolder;
            if (!Directory.Exists(folder))
            {
                throw new ComponentConfigurationException("dataFolder", folder == FashionMnist.DefaultFolder
                    ? $"Fashion-MNIST is not installed: {folder} does not exist. Install the Debian package with `sudo apt-get install dataset-fashion-mnist`, or set \"dataFolder\" to a folder holding the four IDX files."
                    : $"dataFolder {folder} does not exist; it should hold train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz (as the package dataset-fashion-mnist installs them).");
            }

            return (() => VisionData.FashionMnistFrom(context.Cache, folder), folder);
        }

        var train = o.TrainFolder ?? throw new ComponentConfigurationException("trainFolder", "dataset \"image-folder\" needs \"trainFolder\" (one subfolder per class).");
        var test = o.TestFolder ?? throw new ComponentConfigurationException("testFolder", "dataset \"image-folder\" needs \"testFolder\" (the same class subfolders).");
        var trainPath = context.ResolvePath(train);
        var testPath = context.ResolvePath(test);
        foreach (var (name, path) in new[] { ("trainFolder", trainPath), ("testFolder", testPath) })
        {
            if (!Directory.Exists(path))
            {
                throw new ComponentConfigurationException(name, $"{name} {path} does not exist.");
            }
        }

        return (() => VisionData.ImageFolders(context.Cache, trainPath, testPath), trainPath);
    }
}
