using NasPlatform.Abstractions.Plugins;
using System.Globalization;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Plugins.Quantum.Statistics;
using NasPlatform.Plugins.Quantum.Tasks;
using NasPlatform.Plugins.Quantum.Tasks.Vqe;
using NasPlatform.Plugins.Quantum.Training;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Plugins.Quantum.Excitation;

/// <summary>
/// Trains an excitation candidate on a molecular VQE task: its exact circuit (without the Hartree–Fock X gates,
/// which the task prepares) from the candidate's "angles" when given (warm start), else from the usual random
/// start. Beside the task's metrics and the circuit statistics (of the full circuit, preparation included) it
/// reports, at the trained state, the gradient of every operator of the candidate's pool
/// (<see cref="PoolGradients"/>) as pool_gradient_&lt;k&gt; with their norm and largest magnitude, the count
/// pool_gradient_evaluations (one per operator), sector_leakage (the trained state's weight outside the molecule's
/// N_alpha, N_beta sector: 0 for the fermionic pool, possibly not for the qubit pool), and the trained angles as angle_&lt;i&gt;: what ADAPT-VQE
/// needs to choose and warm-start its next operator from the stored trial alone.
/// </summary>
public static class ExcitationEvaluation
{
    /// <summary>Metric names (besides the per-operator ones) an excitation trial adds.</summary>
    public static IReadOnlyList<string> Names { get; } = ["pool_gradient_norm", "pool_gradient_max", "pool_gradient_evaluations", "sector_leakage"];

    /// <summary>The metric of pool operator <paramref name="k"/>'s gradient.</summary>
    public static string GradientMetric(int k) => string.Create(CultureInfo.InvariantCulture, $"pool_gradient_{k}");

    /// <summary>The metric of the trained angle of operator <paramref name="i"/>.</summary>
    public static string AngleMetric(int i) => string.Create(CultureInfo.InvariantCulture, $"angle_{i}");

    /// <summary>Trains and measures the candidate.</summary>
    /// <exception cref="ArgumentException">The candidate is malformed or written for another molecule.</exception>
    public static (TaskResult Result, Dictionary<string, double> Metrics) Run(
        IVariationalTask task, IComponentCache cache, Candidate candidate, TrainingBudget budget, Random rng, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(budget);
        if (task is not VqeTask { Problem.Register: { } molecule } vqe)
        {
            throw new ArgumentException($"Candidate {candidate.Hash} is an excitation circuit, which needs the vqe task on a molecule (\"molecule\" or an .fcidump hamiltonianFile).");
        }

        var (architecture, problems) = ExcitationArchitecture.TryRead((JObject)candidate.ToJson());
        var (pool, indices, resolveProblems) = architecture?.Resolve(cache) ?? (null, [], []);
        problems.AddRange(resolveProblems);
        if (pool is null || problems.Count > 0)
        {
            throw new ArgumentException($"Candidate {candidate.Hash} is not a valid excitation circuit: {string.Join("; ", problems)}.");
        }

        if (!pool.Register.SameAs(molecule))
        {
            throw new ArgumentException($"Candidate {candidate.Hash} is written for {pool.Register.Description}, but the molecule is {molecule.Description}; set the excitation space's orbitals, electrons, mapping and taper to the molecule's.");
        }

        var warm = architecture!.Angles is { } angles ? budget with { InitialParameters = angles } : budget;
        var result = task.Fit(pool.BuildCircuit(indices, prepareHartreeFock: false), warm, rng, progress, cancellationToken);

        var metrics = new Dictionary<string, double>(result.Metrics);
        foreach (var (name, value) in CircuitStatistics.Compute(cache, candidate.Hash, pool.BuildCircuit(indices, prepareHartreeFock: true)))
        {
            metrics.TryAdd(name, value);
        }

        var state = StateVector.FromBasisString(molecule.HartreeFockState);
        pool.BuildCircuit(indices, prepareHartreeFock: false).Apply(state, result.Parameters);
        // The fermionic operators keep the state in the molecule's sector exactly; qubit-ADAPT's single Pauli
        // strings keep only the parities of N_alpha and N_beta, so the weight that leaked out is reported.
        metrics["sector_leakage"] = vqe.Problem.Sector?.WeightOutside(state) ?? 0.0;
        var gradients = PoolGradients.Compute(vqe.Problem.Hamiltonian, state, pool.Generators);
        metrics["pool_gradient_norm"] = Math.Sqrt(gradients.Sum(g => g * g));
        metrics["pool_gradient_max"] = gradients.Max(Math.Abs);
        metrics["pool_gradient_evaluations"] = gradients.Length;
        for (var k = 0; k < gradients.Length; k++)
        {
            metrics[GradientMetric(k)] = gradients[k];
        }

        for (var i = 0; i < result.Parameters.Length; i++)
        {
            metrics[AngleMetric(i)] = result.Parameters[i];
        }

        return (result, metrics);
    }
}
