using System.Diagnostics;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Plugins.Quantum.Evaluation;
using NasPlatform.Plugins.Quantum.Tasks.Vqe;
using NasPlatform.Plugins.Quantum.Training;

namespace NasPlatform.Plugins.Quantum.Excitation;

/// <summary>
/// A bond-dissociation curve: at each bond length psi4 computes the molecule (cached on disk), and ADAPT-VQE
/// grows a circuit from the pool until chemical accuracy against FCI in the active space (or a small gradient
/// norm, or maxOperators). Twice per geometry: from scratch (the Hartree–Fock state, no operator) and by
/// transfer, starting from the previous bond length's operators and trained angles, which near a neighbouring
/// geometry are usually already close to the answer. Evaluations count, as for the adapt-vqe strategy, the
/// optimizer's energy-and-gradient evaluations plus one per pool operator for the gradients read each step.
/// </summary>
public static class DissociationCurve
{
    /// <summary>Computes the curve point by point, reporting each to <paramref name="onPoint"/> as it is done.</summary>
    /// <exception cref="ComponentConfigurationException">psi4 refused a geometry, or the molecule's options are unusable.</exception>
    public static IReadOnlyList<CurvePoint> Run(CurveOptions options, ComponentContext context, Action<CurvePoint>? onPoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        var points = new List<CurvePoint>();
        AdaptRun? previous = null;
        foreach (var bondLength in options.BondLengths)
        {
            var watch = Stopwatch.StartNew();
            var evaluator = VariationalEvaluator.Create(new VqeTaskFactory(), new VqeEvaluatorOptions
            {
                Molecule = options.Molecule with { Geometry = options.GeometryAt(bondLength) },
                Mapping = "jordan-wigner",
                InitialState = "hartree-fock",
                Sigma = 0.01,
                Fidelities = [options.Fidelity],
            }, context);
            var task = (VqeTask)evaluator.Task;
            var register = task.Problem.Register
                ?? throw new ComponentConfigurationException("molecule", "The molecule gave no excitation register.");
            var pool = ExcitationOperatorPool.Create(register, options.Pool, context.Cache);
            var space = new ExcitationSpace(pool, options.MaxOperators) { Cache = context.Cache };
            var budget = evaluator.Training.BudgetFor(evaluator.Fidelities[0]);

            var scratch = Adapt(space, task, budget, [], [], options, cancellationToken);
            var transfer = previous is null
                ? scratch
                : Adapt(space, task, budget, [.. previous.Operators.Select(pool.IndexOf)], previous.Angles, options, cancellationToken);
            var m = transfer.Metrics;
            var point = new CurvePoint(bondLength, m["hf_energy"], m["exact_energy"], m["energy"], m["energy_error"],
                (int)m["cnot_count"], transfer.Operators, transfer.Evaluations, previous is not null,
                scratch.Metrics["energy_error"], (int)scratch.Metrics["cnot_count"], scratch.Evaluations, watch.Elapsed.TotalSeconds);
            points.Add(point);
            onPoint?.Invoke(point);
            previous = transfer;
        }

        return points;
    }

    /// <summary>ADAPT-VQE from the operators <paramref name="start"/> with their angles <paramref name="startAngles"/>.</summary>
    private static AdaptRun Adapt(ExcitationSpace space, VqeTask task, TrainingBudget budget, IReadOnlyList<int> start, IReadOnlyList<double> startAngles,
        CurveOptions options, CancellationToken cancellationToken)
    {
        var operators = start.ToList();
        var angles = startAngles.ToList();
        var evaluations = 0;
        while (true)
        {
            var candidate = space.CandidateOf(operators, operators.Count > 0 ? angles : null);
            var (_, metrics) = ExcitationEvaluation.Run(task, space.Cache, candidate, budget, new Random(options.Seed), null, cancellationToken);
            evaluations += (int)metrics["evaluations"] + (int)metrics["pool_gradient_evaluations"];
            angles = [.. Enumerable.Range(0, operators.Count).Select(i => metrics[ExcitationEvaluation.AngleMetric(i)])];
            if (metrics["energy_error"] <= options.ChemicalAccuracy || metrics["pool_gradient_norm"] < options.GradientThreshold || operators.Count >= options.MaxOperators)
            {
                return new AdaptRun([.. operators.Select(k => space.Pool.Labels[k])], angles, metrics, evaluations);
            }

            var chosen = Enumerable.Range(0, space.Pool.Count).MaxBy(k => Math.Abs(metrics[ExcitationEvaluation.GradientMetric(k)]));
            operators.Add(chosen);
            angles.Add(0.0);
        }
    }

    private sealed record AdaptRun(IReadOnlyList<string> Operators, IReadOnlyList<double> Angles, Dictionary<string, double> Metrics, int Evaluations);
}
