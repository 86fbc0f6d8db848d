using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace NasPlatform.Plugins.Quantum.Evaluation;

/// <summary>
/// Options of the generic "variational" evaluator: the training options, "task" naming the task, and the
/// task's own options. One flat object holds the options of whichever task is named, so each task option is
/// listed here by name only (any JSON value); <see cref="VariationalTaskOptions.Bind"/> then binds them to the
/// named task's record, whose types, ranges and defaults are the ones that count, and refuses the options of
/// another task. (A task-by-task oneOf is no help: the host's validator reports the first branch's errors.)
/// </summary>
public sealed record VariationalGenericOptions : VariationalEvaluatorOptions
{
    /// <summary>The variational task.</summary>
    [Description("The variational task: classifier (the classifier evaluator's options) or vqe (the vqe evaluator's options).")]
    [AllowedValues(Classifier.ClassifierTaskFactory.TaskName, Tasks.Vqe.VqeTaskFactory.TaskName)]
    public required string Task { get; init; }

    /// <summary>classifier: the two classes.</summary>
    [Description("classifier task: see the classifier evaluator.")]
    public JsonElement? Classes { get; init; }

    /// <summary>classifier: principal components kept.</summary>
    [Description("classifier task: see the classifier evaluator.")]
    public JsonElement? Features { get; init; }

    /// <summary>classifier: training samples.</summary>
    [Description("classifier task: see the classifier evaluator.")]
    public JsonElement? TrainSamples { get; init; }

    /// <summary>classifier: test samples.</summary>
    [Description("classifier task: see the classifier evaluator.")]
    public JsonElement? TestSamples { get; init; }

    /// <summary>classifier: samples per step.</summary>
    [Description("classifier task: see the classifier evaluator.")]
    public JsonElement? BatchSize { get; init; }

    /// <summary>classifier: angle encoding.</summary>
    [Description("classifier task: see the classifier evaluator.")]
    public JsonElement? Encoding { get; init; }

    /// <summary>classifier: angle range.</summary>
    [Description("classifier task: see the classifier evaluator.")]
    public JsonElement? AngleRange { get; init; }

    /// <summary>classifier: readout.</summary>
    [Description("classifier task: see the classifier evaluator.")]
    public JsonElement? Readout { get; init; }

    /// <summary>classifier: loss.</summary>
    [Description("classifier task: see the classifier evaluator.")]
    public JsonElement? Loss { get; init; }

    /// <summary>classifier: subsampling seed.</summary>
    [Description("classifier task: see the classifier evaluator.")]
    public JsonElement? DataSeed { get; init; }

    /// <summary>classifier: data folder.</summary>
    [Description("classifier task: see the classifier evaluator.")]
    public JsonElement? DataFolder { get; init; }

    /// <summary>classifier: threads per trial.</summary>
    [Description("classifier task: see the classifier evaluator.")]
    public JsonElement? Parallelism { get; init; }

    /// <summary>vqe: the Hamiltonian.</summary>
    [Description("vqe task: see the vqe evaluator.")]
    public JsonElement? Hamiltonian { get; init; }

    /// <summary>vqe: the Hamiltonian's file.</summary>
    [Description("vqe task: see the vqe evaluator.")]
    public JsonElement? HamiltonianFile { get; init; }

    /// <summary>vqe: the molecule.</summary>
    [Description("vqe task: see the vqe evaluator.")]
    public JsonElement? Molecule { get; init; }

    /// <summary>vqe: fermion-to-qubit mapping.</summary>
    [Description("vqe task: see the vqe evaluator.")]
    public JsonElement? Mapping { get; init; }

    /// <summary>vqe: tapering.</summary>
    [Description("vqe task: see the vqe evaluator.")]
    public JsonElement? Taper { get; init; }

    /// <summary>vqe: frozen core of an .fcidump file.</summary>
    [Description("vqe task: see the vqe evaluator.")]
    public JsonElement? FrozenCore { get; init; }

    /// <summary>vqe: active orbitals of an .fcidump file.</summary>
    [Description("vqe task: see the vqe evaluator.")]
    public JsonElement? ActiveOrbitals { get; init; }

    /// <summary>vqe: register size.</summary>
    [Description("vqe task: see the vqe evaluator.")]
    public JsonElement? Qubits { get; init; }

    /// <summary>vqe: initial state.</summary>
    [Description("vqe task: see the vqe evaluator.")]
    public JsonElement? InitialState { get; init; }
}
