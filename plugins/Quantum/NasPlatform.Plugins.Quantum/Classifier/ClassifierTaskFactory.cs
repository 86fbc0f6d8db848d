using System.Globalization;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Datasets;
using NasPlatform.Plugins.Quantum.Data;
using NasPlatform.Plugins.Quantum.Tasks;

namespace NasPlatform.Plugins.Quantum.Classifier;

/// <summary>The "classifier" task: two Fashion-MNIST classes, PCA features angle-encoded one per qubit.</summary>
public sealed class ClassifierTaskFactory : IVariationalTaskFactory
{
    /// <summary>Most features (qubits) a classifier trial simulates: every sample is one state vector per step.</summary>
    public const int MaxFeatures = 16;

    public string Name => "classifier";

    public string Description =>
        "Quantum classifier: two Fashion-MNIST classes (Debian package dataset-fashion-mnist), PCA to one feature per qubit, angle encoding, then the candidate circuit; trained on a train subsample, accuracy on the official test split.";

    public string OptionsSchema => $$"""
        {
          "type": "object",
          "properties": {
            "classes": {
              "type": "array", "minItems": 2, "maxItems": 2,
              "items": { "oneOf": [ { "type": "string", "minLength": 1 }, { "type": "integer", "minimum": 0, "maximum": 9 } ] },
              "default": ["t-shirt/top", "trouser"],
              "description": "The two Fashion-MNIST classes, by name (t-shirt/top, trouser, pullover, dress, coat, sandal, shirt, sneaker, bag, ankle boot) or label 0-9; the first is read as <Z> = +1."
            },
            "features": { "type": "integer", "minimum": 1, "maximum": {{MaxFeatures}}, "default": 4, "description": "Principal components kept, one per qubit: the search space's qubits must match." },
            "trainSamples": { "type": "integer", "minimum": 0, "default": 400, "description": "Training samples drawn from the train split, half per class (0 = all 12,000). PCA and scaling always use the whole train split of the two classes." },
            "testSamples": { "type": "integer", "minimum": 0, "default": 0, "description": "Test samples drawn from the official test split, half per class (0 = all 2,000)." },
            "batchSize": { "type": "integer", "minimum": 0, "default": 0, "description": "Samples per optimizer step (needs optimizer adam); 0 = the whole training subsample." },
            "encoding": { "enum": ["ry", "rx"], "default": "ry", "description": "Feature i rotates qubit i by RY or RX." },
            "angleRange": {
              "type": "array", "minItems": 2, "maxItems": 2, "items": { "type": "number" }, "default": [0, 3.141592653589793],
              "description": "Each feature is min-max scaled (train statistics) to this angle range; test values are clipped to it."
            },
            "readout": { "enum": ["z0", "parity"], "default": "z0", "description": "Readout E: <Z> of qubit 0, or the parity <Z...Z> of all qubits; P(second class) = (1 - E)/2." },
            "loss": { "enum": ["cross-entropy", "squared"], "default": "cross-entropy", "description": "Binary cross-entropy of (1 - E)/2, or (E - t)^2 with t = +1/-1." },
            "dataSeed": { "type": "integer", "default": 0, "description": "Seed of the train/test subsampling: the same for every trial, so candidates compete on the same data." },
            "dataFolder": { "type": "string", "minLength": 1, "description": "Folder of the four Fashion-MNIST IDX files (relative to the experiment file); default {{FashionMnist.DefaultFolder}}." },
            "parallelism": { "type": "integer", "minimum": 1, "maximum": 64, "default": 1, "description": "Threads over the samples within one trial (trials already run in parallel)." }
          }
        }
        """;

    public IVariationalTask Create(ComponentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var task = new ClassifierTask(Parse(context));
        if (task.Options.BatchSize > 0 && !string.Equals(context.Options.Value<string>("optimizer"), "adam", StringComparison.Ordinal))
        {
            throw new ComponentConfigurationException("batchSize", $"batchSize {task.Options.BatchSize} makes mini-batches, which need \"optimizer\": \"adam\"; L-BFGS needs the whole batch (batchSize 0).");
        }

        return task;
    }

    /// <summary>Reads the task options from validated evaluator options.</summary>
    /// <exception cref="ComponentConfigurationException">A class name is unknown, both classes are equal, the range is empty, or the data are not installed.</exception>
    public static ClassifierTaskOptions Parse(ComponentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.Options;
        var classes = options["classes"] is JArray array ? array.Select(t => t.ToString()).ToArray() : ["t-shirt/top", "trouser"];
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

        var range = options["angleRange"] is JArray r ? r.Select(t => (double)t).ToArray() : [0.0, Math.PI];
        if (!(range[1] > range[0]))
        {
            throw new ComponentConfigurationException("angleRange", string.Create(CultureInfo.InvariantCulture, $"angleRange [{range[0]}, {range[1]}] is empty: the second angle must exceed the first."));
        }

        var folderOption = options.Value<string>("dataFolder");
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
            options.Value<int?>("features") ?? 4,
            options.Value<int?>("trainSamples") ?? 400,
            options.Value<int?>("testSamples") ?? 0,
            options.Value<int?>("dataSeed") ?? 0,
            folderOption is null ? null : folder,
            range[0],
            range[1]);
        return new ClassifierTaskOptions(
            data,
            options.Value<int?>("batchSize") ?? 0,
            AngleEncoding.ParseRotation(options.Value<string>("encoding") ?? "ry"),
            (options.Value<string>("readout") ?? "z0") == "parity" ? ClassifierReadout.Parity : ClassifierReadout.Z0,
            (options.Value<string>("loss") ?? "cross-entropy") == "squared" ? ClassifierLoss.SquaredError : ClassifierLoss.CrossEntropy,
            options.Value<int?>("parallelism") ?? 1);
    }
}
