using NasPlatform.Abstractions.Plugins;
using NasPlatform.Plugins.Quantum.Training;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Plugins.Quantum.Tasks.Vqe;

/// <summary>
/// The variational quantum eigensolver: minimizes ⟨H⟩ over the ansatz parameters from the initial basis
/// state, then reports the energy beside the exact ground energy (Lanczos) and the ground-state fidelity.
/// Metrics: energy, exact_energy, energy_error = energy − exact_energy (≥ 0 up to rounding), fidelity =
/// weight of the trained state in the ground space (Σ over the ground vectors found, so it is meaningful
/// for degenerate ground states too), ground_degeneracy, steps and evaluations. For molecules the exact
/// energy is that of the molecule's electron-count sector, and the problem's reference metrics (hf_energy,
/// psi4's scf_energy and psi4_fci_energy) come with every trial.
/// </summary>
public sealed class VqeTask : IVariationalTask
{
    private readonly StateVector? _initialState;
    private readonly Lazy<ExactGroundState> _exact;

    public VqeTask(VqeProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        Problem = problem;
        _initialState = problem.InitialState is null ? null : StateVector.FromBasisString(problem.InitialState);
        _exact = new Lazy<ExactGroundState>(() => ExactGroundStates.Get(Cache, Problem.Hamiltonian, NumQubits, Problem.Sector));
    }

    /// <summary>The Hamiltonian, register and initial state.</summary>
    public VqeProblem Problem { get; }

    /// <inheritdoc />
    public int NumQubits => Problem.NumQubits;

    /// <inheritdoc />
    public string PrimaryMetric => "energy";

    /// <summary>Where the exact ground state is shared with the plugin's other components: the host's cache, or nothing outside a host.</summary>
    public IComponentCache Cache { get; init; } = UncachedComponentCache.Instance;

    /// <summary>
    /// Precision of the training simulation (the adjoint gradient's states). The metrics are evaluated in double
    /// from the trained parameters, so a single-precision trial reports what its parameters really reach.
    /// </summary>
    public Precision Precision { get; init; } = Precision.Double;

    /// <summary>The exact ground state (computed on first use, through <see cref="Cache"/>).</summary>
    public ExactGroundState Exact => _exact.Value;

    /// <inheritdoc />
    public TaskResult Fit(Circuit ansatz, TrainingBudget budget, Random rng, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ansatz);
        if (ansatz.NumQubits != NumQubits)
        {
            throw new ArgumentException($"The circuit has {ansatz.NumQubits} qubits but the Hamiltonian ({Problem.Description}) needs {NumQubits}; set the search space's \"qubits\" to {NumQubits}.", nameof(ansatz));
        }

        var exact = Exact;
        var objective = new VqeObjective(ansatz, Problem.Hamiltonian, _initialState, Precision);
        var training = Trainer.Minimize(objective, budget, rng, progress, cancellationToken);

        var state = _initialState?.Clone() ?? new StateVector(NumQubits);
        ansatz.Fuse().Apply(state, training.BestParameters);
        var energy = Problem.Hamiltonian.Expectation(state);
        var metrics = new Dictionary<string, double>
        {
            // Keep Metrics (below) in step: it declares these names ahead.
            ["energy"] = energy,
            ["exact_energy"] = exact.Energy,
            ["energy_error"] = energy - exact.Energy,
            ["fidelity"] = exact.Fidelity(state),
            ["ground_degeneracy"] = exact.Degeneracy,
            ["steps"] = training.Steps,
            ["evaluations"] = training.Evaluations,
        };
        foreach (var (name, value) in Problem.ReferenceMetrics ?? new Dictionary<string, double>())
        {
            metrics.TryAdd(name, value);
        }

        return new TaskResult(metrics, training.BestParameters, WithPreparation(ansatz), training.Convergence, Problem.Provenance);
    }

    /// <summary>
    /// The distance to the exact ground-state energy (Ha for chemistry), which every VQE here knows by exact
    /// diagonalisation: the figure chemical accuracy (1.6 mHa) is judged by, where the energy alone says little.
    /// </summary>
    public string HeadlineMetric => "energy_error";

    /// <summary>What <see cref="Fit"/> returns: the energy and its comparison with the exact ground state, the optimizer's counts, and the problem's reference energies.</summary>
    public IReadOnlyList<string> Metrics =>
        ["energy", "exact_energy", "energy_error", "fidelity", "ground_degeneracy", "steps", "evaluations", .. (Problem.ReferenceMetrics?.Keys ?? [])];

    /// <summary>X gates that prepare the initial basis state, then the ansatz.</summary>
    private Circuit WithPreparation(Circuit ansatz)
    {
        var circuit = new Circuit(NumQubits);
        for (var q = 0; q < (Problem.InitialState?.Length ?? 0); q++)
        {
            if (Problem.InitialState![q] == '1')
            {
                circuit.X(q);
            }
        }

        return circuit.AddRange(ansatz.Ops);
    }
}
