using NasPlatform.Abstractions.Plugins;
using NasPlatform.Plugins.Quantum.Data;
using NasPlatform.Plugins.Quantum.Tasks;
using NasPlatform.Plugins.Quantum.Training;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Plugins.Quantum.Classifier;

/// <summary>
/// The quantum classifier task: each candidate circuit, placed after the angle encoding of the PCA features
/// of two Fashion-MNIST classes, is trained to minimize the mean loss over the training subsample, then
/// scored on the official test split of the two classes. Metrics: accuracy (= test_accuracy), test_loss,
/// train_accuracy, train_loss, explained_variance (share of pixel variance the PCA features keep), steps,
/// evaluations. The exported circuit is the trained ansatz alone: the data-dependent encoding (feature i
/// rotates qubit i) runs before it. The data are prepared on first use and shared by all trials.
/// </summary>
public sealed class ClassifierTask : IVariationalTask
{
    private readonly Func<FeatureDataset> _data;

    /// <summary>A task over Fashion-MNIST features kept in <paramref name="cache"/>, the plugin's (host-owned) cache.</summary>
    public ClassifierTask(ClassifierTaskOptions options, IComponentCache cache)
        : this(options, () => FeatureDataset.Load(cache, options.Data))
    {
    }

    /// <summary>A task over data prepared elsewhere (tests, notebooks).</summary>
    public ClassifierTask(ClassifierTaskOptions options, Func<FeatureDataset> data)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegative(options.BatchSize);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Parallelism, 1);
        Options = options;
        _data = data;
        Encoding = new AngleEncoding(options.Data.Features, options.Encoding);
    }

    public ClassifierTaskOptions Options { get; }

    public AngleEncoding Encoding { get; }

    /// <summary>Precision of the training gradients (scoring and the reported metrics run in double).</summary>
    public Precision Precision { get; init; } = Precision.Double;

    /// <summary>The prepared features (loaded and cached on first use).</summary>
    public FeatureDataset Data => _data();

    public int NumQubits => Options.Data.Features;

    public string PrimaryMetric => "accuracy";

    public TaskResult Fit(Circuit ansatz, TrainingBudget budget, Random rng, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ansatz);
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentNullException.ThrowIfNull(rng);
        if (ansatz.NumQubits != NumQubits)
        {
            throw new ArgumentException($"The circuit has {ansatz.NumQubits} qubits but the classifier encodes {NumQubits} features, one per qubit; set the search space's \"qubits\" to {NumQubits} (or \"features\" to {ansatz.NumQubits}).", nameof(ansatz));
        }

        var data = Data;
        var model = new QuantumClassifier(ansatz, Encoding, Options.Readout, Options.Loss);
        var objective = new ClassifierObjective(model, data.Train, Options.BatchSize, new Random(rng.Next()), Options.Parallelism, Precision);
        if (!objective.IsFullBatch)
        {
            if (budget.Optimizer.Kind != OptimizerKind.Adam)
            {
                throw new ArgumentException($"Mini-batches (batchSize {Options.BatchSize}) need the \"adam\" optimizer; L-BFGS needs the full batch (batchSize 0).");
            }

            // A best-so-far mini-batch loss stalls on a lucky batch: a plateau there is noise, not convergence.
            budget = budget with { Optimizer = budget.Optimizer with { PlateauTolerance = 0 } };
        }

        var training = Trainer.Minimize(objective, budget, rng, progress, cancellationToken);
        var parameters = training.BestParameters;
        if (!objective.IsFullBatch && objective.LastParameters.Length == parameters.Length)
        {
            var gradient = new double[objective.Dimension];
            if (objective.EvaluateAll(objective.LastParameters, gradient) < objective.EvaluateAll(parameters, gradient))
            {
                parameters = objective.LastParameters;
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        var train = model.Evaluate(data.Train, parameters, Options.Parallelism);
        var test = model.Evaluate(data.Test, parameters, Options.Parallelism);
        var metrics = new Dictionary<string, double>
        {
            ["accuracy"] = test.Accuracy,
            ["test_accuracy"] = test.Accuracy,
            ["test_loss"] = test.Loss,
            ["train_accuracy"] = train.Accuracy,
            ["train_loss"] = train.Loss,
            ["explained_variance"] = data.ExplainedVarianceRatio,
            ["steps"] = training.Steps,
            ["evaluations"] = training.Evaluations,
        };
        return new TaskResult(metrics, parameters, ansatz, training.Convergence);
    }

    /// <summary>What <see cref="Fit"/> returns: test and train accuracy and loss, the PCA's explained variance, the optimizer's counts.</summary>
    public IReadOnlyList<string> Metrics { get; } =
        ["accuracy", "test_accuracy", "test_loss", "train_accuracy", "train_loss", "explained_variance", "steps", "evaluations"];
}
