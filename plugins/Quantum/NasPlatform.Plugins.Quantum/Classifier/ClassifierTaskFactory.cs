using System.Globalization;
using System.Text.Json;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Datasets;
using NasPlatform.Plugins.Quantum.Data;
using NasPlatform.Plugins.Quantum.Tasks;

namespace NasPlatform.Plugins.Quantum.Classifier;

/// <summary>The "classifier" task: two Fashion-MNIST classes, PCA features angle-encoded one per qubit.</summary>
public sealed class ClassifierTaskFactory : VariationalTaskFactory<ClassifierEvaluatorOptions>
{
    /// <summary>Most features (qubits) a classifier trial simulates: every sample is one state vector per step.</summary>
    public const int MaxFeatures = 16;

    /// <summary>The task's name.</summary>
    public const string TaskName = "classifier";

    /// <inheritdoc />
    public override string Name => TaskName;

    /// <inheritdoc />
    public override string Description =>
        "Quantum classifier: two Fashion-MNIST classes (Debian package dataset-fashion-mnist), PCA to one feature per qubit, angle encoding, then the candidate circuit; trained on a train subsample, accuracy on the official test split.";

    /// <inheritdoc />
    public override IVariationalTask Create(ClassifierEvaluatorOptions options, ComponentContext context)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        var task = new ClassifierTask(Parse(options, context), context.Cache) { Precision = options.SimulatorPrecision() };
        if (task.Options.BatchSize > 0 && !string.Equals(options.Optimizer, "adam", StringComparison.Ordinal))
        {
            throw new ComponentConfigurationException("batchSize", $"batchSize {task.Options.BatchSize} makes mini-batches, which need \"optimizer\": \"adam\"; L-BFGS needs the whole batch (batchSize 0).");
        }

        return task;
    }

    /// <summary>Reads the task options from validated evaluator options.</summary>
    /// <exception cref="ComponentConfigurationException">A class name is unknown, both classes are equal, the range is empty, or the data are not installed.</exception>
    public static ClassifierTaskOptions Parse(ClassifierEvaluatorOptions options, ComponentContext context)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        // Names or labels: a label is read by its digits, as FashionMnist.ParseClass reads "3".
        var classes = options.Classes.EnumerateArray().Select(t => t.ValueKind == JsonValueKind.String ? t.GetString()! : t.GetRawText()).ToArray();
        var labels = new int[2];
        for (var i = 0; i < 2; i++)
        {
            try
            {
                labels[i] = FashionMnist.ParseClass(classes[i]);
            }
            catch (ArgumentException e)
            {
                throw new ComponentConfigurationException($"classes[{i}]", e.Message, e);
            }
        }

        if (labels[0] == labels[1])
        {
            throw new ComponentConfigurationException("classes", $"Both classes are {FashionMnist.ClassNames[labels[0]]}; pick two different ones, e.g. [\"t-shirt/top\", \"trouser\"].");
        }

        var range = options.AngleRange;
        if (!(range[1] > range[0]))
        {
            throw new ComponentConfigurationException("angleRange", string.Create(CultureInfo.InvariantCulture, $"angleRange [{range[0]}, {range[1]}] is empty: the second angle must exceed the first."));
        }

        var folderOption = options.DataFolder;
        var folder = folderOption is null ? FashionMnist.DefaultFolder : context.ResolvePath(folderOption);
        if (!Directory.Exists(folder))
        {
            // Checked here, where the error can name the option; the data themselves load on the first trial.
            throw new ComponentConfigurationException("dataFolder", folderOption is null
                ? $"Fashion-MNIST is not installed ({folder} does not exist): run `apt-get install dataset-fashion-mnist`, or set \"dataFolder\" to a folder with its four IDX files."
                : $"dataFolder {folder} does not exist; it should hold train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz.");
        }

        var data = new FeatureDatasetOptions(
            labels[0],
            labels[1],
            options.Features,
            options.TrainSamples,
            options.TestSamples,
            options.DataSeed,
            folderOption is null ? null : folder,
            range[0],
            range[1]);
        return new ClassifierTaskOptions(
            data,
            options.BatchSize,
            AngleEncoding.ParseRotation(options.Encoding),
            options.Readout == "parity" ? ClassifierReadout.Parity : ClassifierReadout.Z0,
            options.Loss == "squared" ? ClassifierLoss.SquaredError : ClassifierLoss.CrossEntropy,
            options.Parallelism);
    }
}
