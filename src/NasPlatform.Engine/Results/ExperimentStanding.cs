using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Objectives;
using NasPlatform.Abstractions.Search;
using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Storage;

namespace NasPlatform.Engine.Results;

/// <summary>
/// Where an experiment stands, computed from its trials alone: how many are in each state, the
/// budget spent and left, the fidelity cost spent, the best trials and the Pareto front with its
/// hypervolume. It is the one read model: a run keeps one up to date as its trials change state
/// (<see cref="Apply"/>), and `nas status`, the dashboard and the report build one from the stored
/// trials (<see cref="Of"/>), so the numbers they show follow the same rules. Pure: no I/O.
/// </summary>
/// <remarks>
/// Named for what the issue asks ("where an experiment stands") and to stay clear of
/// <see cref="ExperimentStatus"/> (the stored lifecycle: running, completed...) and of the run's
/// summary record, which is built from it.
/// </remarks>
public sealed class ExperimentStanding
{
    private readonly Dictionary<int, TrialRecord> _trials = [];
    private readonly Dictionary<TrialState, int> _counts = [];
    private readonly Dictionary<string, double> _costs = new(StringComparer.Ordinal);
    private readonly HashSet<string> _fidelitiesUsed = new(StringComparer.Ordinal);
    // Insertion order is kept as the run's was (started, then removed when done), so the sum is too.
    private readonly Dictionary<int, string> _running = [];
    private readonly FidelityFronts _fronts;
    private readonly IReadOnlyDictionary<string, double> _references;
    private double _costFinished;
    private HypervolumeMeasure? _hypervolume;

    /// <param name="objectives">The experiment's objectives.</param>
    /// <param name="references">Hypervolume reference values by metric (<see cref="ExperimentSpec.ObjectiveReferences"/>).</param>
    /// <param name="budget">The experiment's budget.</param>
    /// <param name="fidelities">The evaluator's fidelities, cheapest first: their costs, and their order for the best trials (empty: unknown).</param>
    public ExperimentStanding(ObjectiveSet objectives, IReadOnlyDictionary<string, double> references, BudgetSpec budget, IReadOnlyList<Fidelity> fidelities)
    {
        Objectives = objectives ?? throw new ArgumentNullException(nameof(objectives));
        _references = references ?? throw new ArgumentNullException(nameof(references));
        Budget = budget ?? throw new ArgumentNullException(nameof(budget));
        ArgumentNullException.ThrowIfNull(fidelities);
        foreach (var fidelity in fidelities)
        {
            _costs.TryAdd(fidelity.Name, fidelity.Cost);
        }

        _fronts = new FidelityFronts(objectives, fidelities.Select(f => f.Name).ToList());
    }

    /// <summary>
    /// The cost of a trial at a fidelity not among the known ones. Null (the default) counts it as
    /// free; a run with a cost budget resolves it instead, which refuses a name its evaluator no
    /// longer offers.
    /// </summary>
    public Func<string, double>? CostOfUnknownFidelity { get; init; }

    /// <summary>The experiment's objectives.</summary>
    public ObjectiveSet Objectives { get; }

    /// <summary>The experiment's budget.</summary>
    public BudgetSpec Budget { get; }

    /// <summary>Trials known, in any state.</summary>
    public int Total => _trials.Count;

    /// <summary>Completed trials (feasible or not).</summary>
    public int Completed => Count(TrialState.Completed);

    /// <summary>Failed trials.</summary>
    public int Failed => Count(TrialState.Failed);

    /// <summary>Pruned trials.</summary>
    public int Pruned => Count(TrialState.Pruned);

    /// <summary>Trials being evaluated.</summary>
    public int Running => Count(TrialState.Running);

    /// <summary>Recorded trials waiting for a worker.</summary>
    public int Pending => Count(TrialState.Pending);

    /// <summary>Completed trials that break a constraint on metrics.</summary>
    public int Infeasible { get; private set; }

    /// <summary>Completed, failed and pruned trials: the trials budget spent.</summary>
    public int Finished => Completed + Failed + Pruned;

    /// <summary>Trials the trials budget still allows to start (finished and running ones hold theirs); null without a trials budget.</summary>
    public int? TrialsLeft => Budget.Trials is { } trials ? Math.Max(0, trials - Finished - Running) : null;

    /// <summary>
    /// The fidelity cost of the trials finished and running: every started trial spends its
    /// fidelity's cost. Null when no fidelity is known (a store that recorded none cannot say).
    /// </summary>
    public double? CostSpent => _costs.Count == 0 ? null : _costFinished + _running.Values.Sum(CostOf);

    /// <summary>The cost budget not yet spent (never below 0); null without a cost budget or without known costs.</summary>
    public double? CostLeft => Budget.Cost is { } budget && CostSpent is { } spent ? Math.Max(0, budget - spent) : null;

    /// <summary>The fidelities the trials were recorded at.</summary>
    public IReadOnlyCollection<string> FidelitiesUsed => _fidelitiesUsed;

    /// <summary>
    /// One objective: the best usable trial (none yet: empty). Several objectives: the Pareto front
    /// of usable trials, best primary objective first. Only trials at the highest fidelity that has
    /// a usable trial compete (see <see cref="BestTrials"/>).
    /// </summary>
    public IReadOnlyList<TrialRecord> Best => BestTrials.From(_fronts, Objectives);

    /// <summary>The Pareto front at the highest fidelity with a usable trial (with one objective: the trials that share the best value).</summary>
    public IReadOnlyList<TrialRecord> Front => _fronts.Members;

    /// <summary>The fidelity the best trials were measured at; null while none is usable.</summary>
    public string? BestFidelity => _fronts.Fidelity;

    /// <summary>
    /// With several objectives, the hypervolume of <see cref="Front"/> once a trial has finished;
    /// null with one objective or before any finished trial. Measured again only when the front changes.
    /// </summary>
    public HypervolumeMeasure? Hypervolume =>
        !Objectives.IsMultiObjective || Finished == 0
            ? null
            : _hypervolume ??= FrontHypervolume.Measure(_fronts.Members, Objectives, _references);

    /// <summary>The standing of <paramref name="trials"/> (for example an experiment's stored trials) under <paramref name="spec"/>'s objectives and budget.</summary>
    public static ExperimentStanding Of(IEnumerable<TrialRecord> trials, ExperimentSpec spec, IReadOnlyList<Fidelity> fidelities)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new ExperimentStanding(new ObjectiveSet(spec.Objectives), spec.ObjectiveReferences, spec.Budget, fidelities).ApplyAll(trials);
    }

    /// <summary>Applies <paramref name="trials"/> in order (see <see cref="Apply"/>); returns this standing.</summary>
    public ExperimentStanding ApplyAll(IEnumerable<TrialRecord> trials)
    {
        ArgumentNullException.ThrowIfNull(trials);
        foreach (var trial in trials)
        {
            Apply(trial);
        }

        return this;
    }

    /// <summary>Trials in <paramref name="state"/>.</summary>
    public int Count(TrialState state) => _counts.GetValueOrDefault(state);

    /// <summary>
    /// Takes a trial's latest record: a new trial, or one that moved on (pending, running,
    /// finished). A finished trial never changes again, so applying one twice is refused.
    /// </summary>
    /// <exception cref="InvalidOperationException">The trial had already finished.</exception>
    public void Apply(TrialRecord trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        if (_trials.TryGetValue(trial.Number, out var previous))
        {
            if (previous.IsFinished)
            {
                throw new InvalidOperationException($"Trial {trial.Number} already finished ({previous.State}); a finished trial does not change.");
            }

            _counts[previous.State]--;
            _running.Remove(trial.Number);
        }

        _trials[trial.Number] = trial;
        _counts[trial.State] = Count(trial.State) + 1;
        _fidelitiesUsed.Add(trial.Fidelity);
        if (trial.State == TrialState.Running)
        {
            _running[trial.Number] = trial.Fidelity;
        }

        if (!trial.IsFinished)
        {
            return;
        }

        _costFinished += CostOf(trial.Fidelity);
        if (trial.State == TrialState.Completed)
        {
            Infeasible += trial.Feasible ? 0 : 1;
            if (_fronts.Add(trial))
            {
                _hypervolume = null;
            }
        }
    }

    private double CostOf(string fidelity) =>
        _costs.TryGetValue(fidelity, out var cost) ? cost : CostOfUnknownFidelity?.Invoke(fidelity) ?? 0;
}
