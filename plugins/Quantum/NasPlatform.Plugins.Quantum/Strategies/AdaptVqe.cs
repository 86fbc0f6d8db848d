using System.Globalization;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Search;
using NasPlatform.Plugins.Quantum.Excitation;

namespace NasPlatform.Plugins.Quantum.Strategies;

/// <summary>
/// ADAPT-VQE (Grimsley, Economou, Barnes &amp; Mayhall 2019; with the qubit pool, qubit-ADAPT, Tang et al. 2021)
/// as an ask/tell strategy over the excitation space. It starts with the bare Hartree–Fock state (no
/// operators); each told trial carries, at its optimized state, the energy gradient of every pool operator
/// (pool_gradient_&lt;k&gt;, measured by the evaluator: <see cref="ExcitationEvaluation"/>) and the trained angles
/// (angle_&lt;i&gt;). It then stops when the energy error is within chemical accuracy, the gradient norm is
/// below the threshold or maxOperators is reached; otherwise it appends the operator with the largest
/// |gradient| (or |gradient| per CNOT, <see cref="AdaptSelection"/>) and proposes the longer circuit with the previous angles plus 0 (warm start), which the
/// evaluator re-optimizes in full. One trial at a time (<see cref="ISearchStrategy.AwaitsOutcome"/>); all state
/// is rebuilt from the told outcomes, so a resumed run replays its trials instead of repeating them. Each
/// iteration is recorded in the journal ("adapt-iteration").
/// With "extraOperators" it grows that many operators past the first accurate circuit; with "prune" it then removes
/// operators from the accurate circuit while it stays within chemical accuracy (<see cref="AdaptPruning"/>, journalled
/// as "adapt-prune").
/// </summary>
public sealed class AdaptVqe : ISearchStrategy
{
    /// <summary>Kind of the journal event of each iteration.</summary>
    public const string IterationKind = "adapt-iteration";

    /// <summary>Kind of the journal event of each pruning try.</summary>
    public const string PruneKind = "adapt-prune";

    private readonly StrategyContext _context;
    private readonly ExcitationSpace _space;
    private readonly AdaptVqeSettings _settings;
    private readonly List<int> _operators = [];
    private double[] _angles = [];
    private Candidate? _pending;
    private int? _firstAccurate;

    /// <param name="context">The experiment; its space must be the excitation space.</param>
    /// <param name="space">The excitation space.</param>
    /// <param name="settings">Thresholds and limits.</param>
    public AdaptVqe(StrategyContext context, ExcitationSpace space, AdaptVqeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(settings);
        _context = context;
        _space = space;
        _settings = settings;
    }

    /// <summary>Why the run stopped, once it has ("chemical accuracy", "gradient norm", "maxOperators", "failed trial", "pruned").</summary>
    public string? StopReason { get; private set; }

    /// <summary>The operators (pool indices) of the current ansatz (while pruning: the current accurate circuit).</summary>
    public IReadOnlyList<int> Operators => Pruning?.Operators ?? _operators;

    /// <inheritdoc />
    public bool IsFinished => StopReason is not null;

    /// <inheritdoc />
    public bool AwaitsOutcome => _pending is not null;

    /// <inheritdoc />
    public TrialProposal Ask(Random rng)
    {
        // Deterministic: the next circuit follows from the told outcomes alone. Asked again before the tell
        // (a proposal the engine refused), it proposes the same circuit.
        _pending ??= Pruning is { } pruning
            ? pruning.Next() ?? throw new InvalidOperationException("adapt-vqe has finished pruning; nothing is left to ask.")
            : _space.CandidateOf(_operators, _operators.Count == 0 ? null : _angles);
        return new TrialProposal(_pending);
    }

    /// <summary>The pruning phase, once the grown circuit is accurate and "prune" is on; null before.</summary>
    public AdaptPruning? Pruning { get; private set; }

    /// <inheritdoc />
    public void Tell(TrialOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (_pending is null || outcome.Candidate.Hash != _pending.Hash)
        {
            // Not the circuit this strategy is waiting for (no other source of trials exists in a run).
            return;
        }

        _pending = null;
        if (Pruning is not null)
        {
            TellPruning(outcome);
            return;
        }

        // Completed, feasible or not: an experiment may constrain energy_error (to report the cheapest accurate
        // circuit), and ADAPT's circuits above the band are the steps towards it.
        if (outcome.State != TrialState.Completed)
        {
            Stop("failed trial", outcome, 0, 0, -1);
            return;
        }

        var metrics = outcome.Metrics;
        var gradients = new double[_space.Pool.Count];
        for (var k = 0; k < gradients.Length; k++)
        {
            if (!metrics.TryGetValue(ExcitationEvaluation.GradientMetric(k), out gradients[k]))
            {
                throw new InvalidOperationException($"Trial {outcome.Number} has no {ExcitationEvaluation.GradientMetric(k)}: adapt-vqe needs the quantum plugin's vqe evaluator on a molecule, which reports the pool gradients of excitation circuits.");
            }
        }

        _angles = Enumerable.Range(0, _operators.Count).Select(i => metrics.TryGetValue(ExcitationEvaluation.AngleMetric(i), out var a) ? a : 0.0).ToArray();
        var norm = Math.Sqrt(gradients.Sum(g => g * g));
        var error = metrics.TryGetValue("energy_error", out var e) ? e : double.PositiveInfinity;
        var accurate = _settings.ChemicalAccuracy > 0 && error <= _settings.ChemicalAccuracy;
        _firstAccurate ??= accurate ? _operators.Count : null;
        var extraDone = _firstAccurate is { } first && _operators.Count - first >= _settings.ExtraOperators;
        var stop = accurate && extraDone ? "chemical accuracy"
            : norm < _settings.GradientThreshold ? "gradient norm"
            : _operators.Count >= _settings.MaxOperators ? "maxOperators"
            : null;
        if (stop is not null)
        {
            EndGrowth(stop, outcome, norm, error);
            return;
        }

        var best = AdaptSelection.Choose(gradients, _space.Pool, _settings.Selection);
        _operators.Add(best);
        _angles = [.. _angles, 0.0];
        Record(outcome, norm, error, best, null);
    }

    // Growth ends: stop, or (with "prune" and an accurate circuit) prune the circuit of this outcome.
    private void EndGrowth(string reason, TrialOutcome outcome, double norm, double error)
    {
        var accurate = _settings.ChemicalAccuracy > 0 && error <= _settings.ChemicalAccuracy;
        if (!_settings.Prune || !accurate)
        {
            Stop(reason, outcome, norm, error, -1);
            return;
        }

        Record(outcome, norm, error, -1, reason + "; prunes");
        Pruning = new AdaptPruning(_space, _settings.ChemicalAccuracy, _operators, _angles, error)
        {
            Regrow = _settings.Regrow,
            Selection = _settings.Selection,
        };
        if (Pruning.IsDone)
        {
            StopReason = "pruned";
        }
    }

    private void TellPruning(TrialOutcome outcome)
    {
        var pruning = Pruning!;
        var label = pruning.Trying;
        var kept = pruning.Tell(outcome);
        var error = outcome.Metrics.TryGetValue("energy_error", out var e) ? e : double.NaN;
        if (pruning.IsDone)
        {
            StopReason = "pruned";
        }

        var verdict = kept ? "removed" : "kept";
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"trial {outcome.Number}: {label}, energy error {error:G4}: {verdict}; {pruning.Operators.Count} operators at {pruning.Error:G4}{(IsFinished ? "; stops (pruned)" : string.Empty)}");
        _context.Journal.Record(new StrategyEvent(PruneKind, summary, new Dictionary<string, double>
        {
            ["trial"] = outcome.Number,
            ["operators"] = pruning.Operators.Count,
            ["energyError"] = error,
            ["removed"] = kept ? 1 : 0,
        }));
    }

    private void Stop(string reason, TrialOutcome outcome, double norm, double error, int chosen)
    {
        StopReason = reason;
        Record(outcome, norm, error, chosen, reason);
    }

    private void Record(TrialOutcome outcome, double norm, double error, int chosen, string? stop)
    {
        var summary = stop is null
            ? string.Create(CultureInfo.InvariantCulture, $"trial {outcome.Number}: {_operators.Count - 1} operators, energy error {error:G4}, gradient norm {norm:G4}; appends {_space.Pool.Labels[chosen]}")
            : string.Create(CultureInfo.InvariantCulture, $"trial {outcome.Number}: {_operators.Count} operators, energy error {error:G4}, gradient norm {norm:G4}; stops ({stop})");
        _context.Journal.Record(new StrategyEvent(IterationKind, summary, new Dictionary<string, double>
        {
            ["trial"] = outcome.Number,
            ["operators"] = _operators.Count,
            ["energyError"] = error,
            ["gradientNorm"] = norm,
            ["chosen"] = chosen,
        }));
    }
}
