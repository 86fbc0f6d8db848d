using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using NasPlatform.Abstractions.Options;
using NasPlatform.Plugins.Quantum.Evaluation;

namespace NasPlatform.Plugins.Quantum.Classifier;

/// <summary>Options of the "classifier" evaluator: the training options and the task's data, encoding, readout and loss.</summary>
public sealed record ClassifierEvaluatorOptions : VariationalEvaluatorOptions
{
    /// <summary>The task's name, optional here.</summary>
    [Description("Optional here; if given it must be \"classifier\".")]
    [AllowedValues(ClassifierTaskFactory.TaskName)]
    public string? Task { get; init; }

    /// <summary>The two classes, by name or label (a list of strings or integers, which no C# type says).</summary>
    [Description("The two Fashion-MNIST classes, by name (t-shirt/top, trouser, pullover, dress, coat, sandal, shirt, sneaker, bag, ankle boot) or label 0-9; the first is read as <Z> = +1.")]
    [SchemaFragment("""{ "type": "array", "minItems": 2, "maxItems": 2, "items": { "oneOf": [ { "type": "string", "minLength": 1 }, { "type": "integer", "minimum": 0, "maximum": 9 } ] } }""")]
    public JsonElement Classes { get; init; } = JsonSerializer.SerializeToElement<string[]>(["t-shirt/top", "trouser"]);

    /// <summary>Principal components kept, one per qubit.</summary>
    [Description("Principal components kept, one per qubit: the search space's qubits must match.")]
    [Range(1, ClassifierTaskFactory.MaxFeatures)]
    public int Features { get; init; } = 4;

    /// <summary>Training samples, half per class; 0 = all.</summary>
    [Description("Training samples drawn from the train split, half per class (0 = all 12,000). PCA and scaling always use the whole train split of the two classes.")]
    [Range(0, int.MaxValue)]
    public int TrainSamples { get; init; } = 400;

    /// <summary>Test samples, half per class; 0 = all.</summary>
    [Description("Test samples drawn from the official test split, half per class (0 = all 2,000).")]
    [Range(0, int.MaxValue)]
    public int TestSamples { get; init; }

    /// <summary>Samples per optimizer step; 0 = the whole training subsample.</summary>
    [Description("Samples per optimizer step (needs optimizer adam); 0 = the whole training subsample.")]
    [Range(0, int.MaxValue)]
    public int BatchSize { get; init; }

    /// <summary>RY or RX angle encoding.</summary>
    [Description("Feature i rotates qubit i by RY or RX.")]
    [AllowedValues("ry", "rx")]
    public string Encoding { get; init; } = "ry";

    /// <summary>The angle range features are scaled to.</summary>
    [Description("Each feature is min-max scaled (train statistics) to this angle range; test values are clipped to it.")]
    [Length(2, 2)]
    public IReadOnlyList<double> AngleRange { get; init; } = [0.0, Math.PI];

    /// <summary>Readout: z0 or parity.</summary>
    [Description("Readout E: <Z> of qubit 0, or the parity <Z...Z> of all qubits; P(second class) = (1 - E)/2.")]
    [AllowedValues("z0", "parity")]
    public string Readout { get; init; } = "z0";

    /// <summary>Loss: cross-entropy or squared.</summary>
    [Description("Binary cross-entropy of (1 - E)/2, or (E - t)^2 with t = +1/-1.")]
    [AllowedValues("cross-entropy", "squared")]
    public string Loss { get; init; } = "cross-entropy";

    /// <summary>Seed of the train/test subsampling.</summary>
    [Description("Seed of the train/test subsampling: the same for every trial, so candidates compete on the same data.")]
    public int DataSeed { get; init; }

    /// <summary>Folder of the IDX files; left out, the installed package's.</summary>
    [Description("Folder of the four Fashion-MNIST IDX files (relative to the experiment file); default " + NasPlatform.Datasets.FashionMnist.DefaultFolder + ".")]
    [MinLength(1)]
    public string? DataFolder { get; init; }

    /// <summary>Threads over the samples within one trial.</summary>
    [Description("Threads over the samples within one trial (trials already run in parallel).")]
    [Range(1, 64)]
    public int Parallelism { get; init; } = 1;
}
