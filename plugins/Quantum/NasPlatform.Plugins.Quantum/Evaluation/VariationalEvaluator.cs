using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Abstractions.Spaces;
using NasPlatform.Plugins.Quantum.Circuits;
using NasPlatform.Plugins.Quantum.Excitation;
using NasPlatform.Plugins.Quantum.Qdk;
using NasPlatform.Plugins.Quantum.Spaces;
using NasPlatform.Plugins.Quantum.Statistics;
using NasPlatform.Plugins.Quantum.Tasks;
using NasPlatform.Plugins.Quantum.Tasks.Vqe;
using NasPlatform.Plugins.Quantum.Training;
using NasPlatform.Quantum.Simulator.Qasm;

namespace NasPlatform.Plugins.Quantum.Evaluation;

/// <summary>
/// Evaluates a circuit candidate by training it on a variational task at the trial's fidelity (optimizer
/// steps × restarts). Metrics: the task's (for VQE energy, energy_error, fidelity, …) plus the circuit's
/// free statistics. Artifacts in the trial's work directory: circuit.qasm (OpenQASM 2.0, parameters bound)
/// and parameters.json (with the problem's provenance when the task gives one). Each call has its own
/// simulator workspaces, so trials run in parallel safely. Before any trial it checks the circuit space
/// against the task (<see cref="SpaceTaskCheck"/>, <see cref="ExcitationSpaceCheck"/>). Excitation candidates go through
/// <see cref="ExcitationEvaluation"/>, which adds the pool gradients ADAPT-VQE reads.
/// </summary>
public sealed class VariationalEvaluator : IEvaluator, ISearchSpaceCheck
{
    /// <summary>Name of the generic evaluator whose "task" option picks the task.</summary>
    public const string GenericName = "variational";

    public VariationalEvaluator(IVariationalTask task, VariationalTraining training)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(training);
        Task = task;
        Training = training;
    }

    /// <summary>The task candidates are trained on.</summary>
    public IVariationalTask Task { get; }

    /// <summary>The task's metrics and the circuit's statistics, declared ahead.</summary>
    public IReadOnlyList<string> Metrics => Task.Metrics.Concat(CircuitStatistics.Names)
        .Concat(Estimator is null ? [] : TrialResourceEstimator.MetricNames).Distinct(StringComparer.Ordinal).ToList();

    /// <inheritdoc />
    public string? HeadlineMetric => Task.HeadlineMetric;

    /// <summary>The resource estimator run on every trained circuit, or null (the <c>resourceEstimate</c> option left out).</summary>
    public TrialResourceEstimator? Estimator { get; init; }

    /// <summary>Optimizer settings and fidelities.</summary>
    public VariationalTraining Training { get; }

    /// <inheritdoc />
    public IReadOnlyList<Fidelity> Fidelities => Training.Fidelities;

    /// <summary>Where the candidates' statistics are kept: the plugin's cache when the host made the evaluator.</summary>
    public IComponentCache Cache { get; init; } = UncachedComponentCache.Instance;

    /// <summary>Creates the evaluator for <paramref name="factory"/>'s task from its bound options (an instance of its <see cref="IVariationalTaskFactory.OptionsType"/>).</summary>
    /// <exception cref="ComponentConfigurationException">The options are unusable.</exception>
    public static VariationalEvaluator Create(IVariationalTaskFactory factory, VariationalEvaluatorOptions options, ComponentContext context)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        var training = VariationalTraining.From(options);
        var estimator = options.ResourceEstimate is { } estimate ? new TrialResourceEstimator(estimate) : null;
        return new VariationalEvaluator(factory.Create(options, context), training) { Cache = context.Cache, Estimator = estimator };
    }

    /// <summary>Creates the generic evaluator: the task is the one named by the "task" option, its options bound to that task's record.</summary>
    /// <exception cref="ComponentConfigurationException">The task is unknown, an option belongs to another task, or the options are unusable.</exception>
    public static VariationalEvaluator CreateGeneric(VariationalGenericOptions options, ComponentContext context)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        var factory = VariationalTaskRegistry.Find(options.Task)
            ?? throw new ComponentConfigurationException("task", $"Unknown task \"{options.Task}\"; use one of {string.Join(", ", VariationalTaskRegistry.All.Select(f => f.Name))}.");
        return Create(factory, VariationalTaskOptions.Bind(options, factory), context);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> CheckSearchSpace(ISearchSpace space) => space switch
    {
        ExcitationSpace excitation => ExcitationSpaceCheck.Check(excitation, Task),
        ICircuitSpace circuits => SpaceTaskCheck.Check(circuits, Task),
        _ => [],
    };

    /// <inheritdoc />
    public Task<EvaluationResult> EvaluateAsync(EvaluationRequest request, IProgress<EvaluationProgress> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // CPU-bound and synchronous: the engine already gives each evaluation a thread of its own.
        return System.Threading.Tasks.Task.FromResult(Evaluate(request, progress, cancellationToken));
    }

    /// <summary>The synchronous evaluation behind <see cref="EvaluateAsync"/>.</summary>
    public EvaluationResult Evaluate(EvaluationRequest request, IProgress<EvaluationProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (ExcitationArchitecture.IsExcitation(request.Candidate.ToJson()))
        {
            var (fit, excitationMetrics) = ExcitationEvaluation.Run(Task, Cache, request.Candidate, Training.BudgetFor(request.Fidelity), new Random(request.Seed),
                progress is null ? null : new ProgressRelay(progress, Task is VqeTask), cancellationToken);
            AddEstimates(request, fit, excitationMetrics, cancellationToken);
            return new EvaluationResult(excitationMetrics, WriteArtifacts(request, fit, excitationMetrics));
        }

        var ansatz = CircuitCandidates.Read(request.Candidate);
        if (ansatz.NumQubits != Task.NumQubits)
        {
            throw new ArgumentException($"The candidate has {ansatz.NumQubits} qubits but the task needs {Task.NumQubits}; set the search space's \"qubits\" to {Task.NumQubits}.");
        }

        if (ansatz.InitialState != InitialStates.Reference
            && (Task is VqeTask vqe ? SpaceTaskCheck.InitialStateProblem(vqe.Problem, ansatz.InitialState) : $"the initial state {ansatz.InitialState} is for the vqe task only") is { } problem)
        {
            throw new ArgumentException($"Candidate {request.Candidate.Hash}: {problem}.");
        }

        var budget = Training.BudgetFor(request.Fidelity);
        var relay = progress is null ? null : new ProgressRelay(progress, Task is VqeTask);
        var result = Task.Fit(ansatz.ToCircuit(), budget, new Random(request.Seed), relay, cancellationToken);

        var metrics = new Dictionary<string, double>(result.Metrics);
        foreach (var (name, value) in CircuitStatistics.Compute(Cache, request.Candidate.Hash, ansatz))
        {
            metrics.TryAdd(name, value);
        }

        AddEstimates(request, result, metrics, cancellationToken);
        var artifacts = WriteArtifacts(request, result, metrics);
        return new EvaluationResult(metrics, artifacts);
    }

    private void AddEstimates(EvaluationRequest request, TaskResult result, Dictionary<string, double> metrics, CancellationToken cancellationToken)
    {
        if (Estimator is null)
        {
            return;
        }

        foreach (var (name, value) in Estimator.Estimate(result.Circuit, result.Parameters, request.WorkDirectory, cancellationToken))
        {
            metrics[name] = value;
        }
    }

    private static List<Artifact> WriteArtifacts(EvaluationRequest request, TaskResult result, IReadOnlyDictionary<string, double> metrics)
    {
        Directory.CreateDirectory(request.WorkDirectory);
        var qasmPath = Path.Combine(request.WorkDirectory, "circuit.qasm");
        File.WriteAllText(qasmPath, QasmExporter.Export(result.Circuit, result.Parameters));

        var parametersPath = Path.Combine(request.WorkDirectory, "parameters.json");
        var document = new JObject
        {
            ["fidelity"] = request.Fidelity.Name,
            ["seed"] = request.Seed,
            ["parameters"] = new JArray(result.Parameters.Select(p => (object)p)),
            ["metrics"] = new JObject(metrics.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => new JProperty(m.Key, m.Value))),
            ["candidate"] = request.Candidate.ToJson(),
            ["convergence"] = new JArray(result.Convergence.Select(loss => (object)loss)),
        };
        if (result.Problem is { Count: > 0 } problem)
        {
            document["problem"] = new JObject(problem.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new JProperty(p.Key, p.Value)));
        }

        File.WriteAllText(parametersPath, document.ToString(Formatting.Indented));
        return [new Artifact("circuit", qasmPath), new Artifact("parameters", parametersPath)];
    }

    /// <summary>
    /// Turns training progress into evaluation progress, with the best loss so far as a metric ("loss"; for a VQE also
    /// "energy", which its loss is) at a step: the optimizer steps done over all restarts so far, so the host stores
    /// the optimizer's convergence (energy vs optimizer step) and a pruner may compare trials at the same step.
    /// </summary>
    private sealed class ProgressRelay(IProgress<EvaluationProgress> target, bool energy) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value)
        {
            var message = string.Create(CultureInfo.InvariantCulture, $"restart {Math.Min(value.Restart + 1, value.Restarts)}/{value.Restarts}, step {value.Step}/{value.Steps}, loss {value.BestLoss:G8}");
            var metrics = new Dictionary<string, double> { ["loss"] = value.BestLoss };
            if (energy)
            {
                metrics["energy"] = value.BestLoss;
            }

            // A restart ends reported as the next restart at step 0, i.e. after all its budgeted steps (even when it stopped early on a plateau): steps never go back.
            target.Report(new EvaluationProgress(value.Fraction, message, metrics) { Step = (value.Restart * value.Steps) + value.Step });
        }
    }
}
