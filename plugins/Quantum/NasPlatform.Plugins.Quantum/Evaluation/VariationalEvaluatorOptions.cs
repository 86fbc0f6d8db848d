using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using NasPlatform.Abstractions.Options;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Plugins.Quantum.Qdk;
using NasPlatform.Plugins.Quantum.Training;

namespace NasPlatform.Plugins.Quantum.Evaluation;

/// <summary>
/// The training options every variational evaluator shares (optimizer, learning rate, sigma, plateau,
/// fidelities). Each task's evaluator options derive from this record and add the task's own
/// (<see cref="Tasks.Vqe.VqeEvaluatorOptions"/>, <see cref="Classifier.ClassifierEvaluatorOptions"/>); the
/// generic evaluator's are <see cref="VariationalGenericOptions"/>. Not abstract: the schema generator reads the
/// defaults from an instance of the declaring type.
/// </summary>
public record VariationalEvaluatorOptions
{
    // The optimizer's own defaults are the options' defaults, written once in OptimizerSettings.
    private static readonly OptimizerSettings OptimizerDefaults = new();

    /// <summary>The optimizer, "lbfgs" or "adam".</summary>
    [Description("L-BFGS (strong-Wolfe line search) or Adam.")]
    [AllowedValues("lbfgs", "adam")]
    public string Optimizer { get; init; } = "lbfgs";

    /// <summary>Adam's step size.</summary>
    [Description("Adam's step size (L-BFGS ignores it).")]
    [Range(0.0, double.MaxValue, MinimumIsExclusive = true)]
    public double LearningRate { get; init; } = OptimizerDefaults.LearningRate;

    /// <summary>Standard deviation of the initial parameters.</summary>
    [Description("Initial parameters are drawn from N(0, sigma^2), afresh for every restart.")]
    [Range(0.0, double.MaxValue)]
    public double Sigma { get; init; } = OptimizerDefaults.InitialSigma;

    /// <summary>Relative improvement below which training stops early; 0 disables.</summary>
    [Description("Early stop when the best loss improves by less than plateauTolerance*max(|loss|,1) over plateauWindow steps; 0 disables.")]
    [Range(0.0, double.MaxValue)]
    public double PlateauTolerance { get; init; } = OptimizerDefaults.PlateauTolerance;

    /// <summary>Steps over which the plateau is measured.</summary>
    [Description("Steps over which plateau improvement is measured.")]
    [Range(1, int.MaxValue)]
    public int PlateauWindow { get; init; } = OptimizerDefaults.PlateauWindow;

    /// <summary>Correction pairs L-BFGS keeps.</summary>
    [Description("Correction pairs L-BFGS keeps.")]
    [Range(1, 100)]
    public int LbfgsMemory { get; init; } = OptimizerDefaults.LbfgsMemory;

    /// <summary>Budget levels, s&lt;steps&gt;x&lt;restarts&gt;.</summary>
    [Description("Budget levels, named s<steps>x<restarts>; cost is steps*restarts relative to the largest.")]
    [SchemaFragment("""{ "type": "array", "minItems": 1, "uniqueItems": true, "items": { "type": "string", "pattern": "^s[0-9]{1,7}x[0-9]{1,4}$" } }""")]
    public IReadOnlyList<string> Fidelities { get; init; } = [.. TrainingFidelity.DefaultNames];

    /// <summary>Amplitude precision of the simulation the training runs on: "double" (the default) or "single".</summary>
    [Description("Amplitude precision of the state vectors training runs on: double (complex128, the default) or single (complex64: half the memory and half the bytes per pass; energies, gradients and expectations are still summed in double). The reported metrics are evaluated in double from the trained parameters, and the exact reference (Lanczos) is always double.")]
    [AllowedValues("double", "single")]
    public string Precision { get; init; } = "double";

    /// <summary>Resource estimates of every trial's trained circuit as metrics (ft_physical_qubits, ...); left out, none.</summary>
    [Description("Run the Azure Quantum Resource Estimator (Microsoft's qsharp-lang, Node.js) on every trained circuit and report ft_logical_qubits, ft_physical_qubits, ft_runtime_us and ft_t_states as metrics; about 1-15 s per trial.")]
    public ResourceEstimateOptions? ResourceEstimate { get; init; }

    /// <summary>The simulator precision these options ask for.</summary>
    /// <exception cref="ComponentConfigurationException">Neither "double" nor "single" (options bound without the schema).</exception>
    public NasPlatform.Quantum.Simulator.Precision SimulatorPrecision() => Precision switch
    {
        "double" => NasPlatform.Quantum.Simulator.Precision.Double,
        "single" => NasPlatform.Quantum.Simulator.Precision.Single,
        _ => throw new ComponentConfigurationException("precision", $"Unknown precision '{Precision}'; use \"double\" or \"single\"."),
    };

    /// <summary>The optimizer settings these options ask for (not yet validated; see <see cref="VariationalTraining.From"/>).</summary>
    public OptimizerSettings ToOptimizerSettings() => new(
        Optimizer == "adam" ? OptimizerKind.Adam : OptimizerKind.Lbfgs,
        LearningRate,
        Sigma,
        PlateauTolerance,
        PlateauWindow,
        LbfgsMemory,
        OptimizerDefaults.GradientTolerance);
}
