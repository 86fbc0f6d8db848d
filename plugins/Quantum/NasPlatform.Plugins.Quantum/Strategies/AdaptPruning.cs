using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Search;
using NasPlatform.Plugins.Quantum.Excitation;

namespace NasPlatform.Plugins.Quantum.Strategies;

/// <summary>
/// ADAPT-VQE's pruning phase: from an accurate circuit, remove one operator at a time while the re-optimized circuit
/// stays within the band (energy_error ≤ chemical accuracy). Each try is one trial: the circuit without the operator,
/// its training warm-started from the remaining trained angles. A try within the band becomes the circuit the next
/// removal starts from; a try outside it marks the operator as kept. The operators are tried most CNOTs first (a
/// double before a single), then smallest |trained angle| first (Pruned-ADAPT's measure of an operator that does
/// little), then in circuit order; it ends when every remaining operator is kept. Deterministic in the told outcomes.
/// </summary>
public sealed class AdaptPruning
{
    private readonly ExcitationSpace _space;
    private readonly double _band;
    private readonly List<int> _operators;
    private readonly List<int> _slots;
    private readonly HashSet<int> _kept = [];
    private double[] _angles;
    private int _trying = -1;

    /// <param name="space">The excitation space.</param>
    /// <param name="band">The largest energy_error a pruned circuit may have (Ha).</param>
    /// <param name="operators">The accurate circuit's operators (pool indices).</param>
    /// <param name="angles">Its trained angles.</param>
    /// <param name="error">Its energy_error.</param>
    public AdaptPruning(ExcitationSpace space, double band, IReadOnlyList<int> operators, IReadOnlyList<double> angles, double error)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(operators);
        ArgumentNullException.ThrowIfNull(angles);
        ArgumentOutOfRangeException.ThrowIfNotEqual(angles.Count, operators.Count);
        _space = space;
        _band = band;
        _operators = [.. operators];
        _angles = [.. angles];
        _slots = Enumerable.Range(0, operators.Count).ToList();
        Error = error;
    }

    /// <summary>The current (accurate) circuit's operators.</summary>
    public IReadOnlyList<int> Operators => _operators;

    /// <summary>The current circuit's energy_error.</summary>
    public double Error { get; private set; }

    /// <summary>Operators removed so far.</summary>
    public int Removed { get; private set; }

    /// <summary>The label of the operator the pending try removes, or null.</summary>
    public string? Trying => _trying < 0 ? null : _space.Pool.Labels[_operators[_slots.IndexOf(_trying)]];

    /// <summary>Whether no operator is left to try.</summary>
    public bool IsDone => NextPosition() < 0;

    /// <summary>The next try: the current circuit without one operator, warm-started; null when none is left.</summary>
    public Candidate? Next()
    {
        var at = NextPosition();
        if (at < 0)
        {
            return null;
        }

        _trying = _slots[at];
        var operators = _operators.Where((_, i) => i != at).ToList();
        var angles = _angles.Where((_, i) => i != at).ToList();
        return _space.CandidateOf(operators, angles);
    }

    /// <summary>Reads the pending try's outcome; true when the removal stays within the band (and is kept).</summary>
    public bool Tell(TrialOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var at = _slots.IndexOf(_trying);
        _trying = -1;
        if (at < 0)
        {
            return false;
        }

        var error = outcome.State == TrialState.Completed && outcome.Metrics.TryGetValue("energy_error", out var e) ? e : double.PositiveInfinity;
        if (!(error <= _band))
        {
            _kept.Add(_slots[at]);
            return false;
        }

        _operators.RemoveAt(at);
        _slots.RemoveAt(at);
        _angles = Enumerable.Range(0, _operators.Count)
            .Select(i => outcome.Metrics.TryGetValue(ExcitationEvaluation.AngleMetric(i), out var a) ? a : 0.0).ToArray();
        Error = error;
        Removed++;
        return true;
    }

    private int NextPosition()
    {
        if (_operators.Count <= 1)
        {
            return -1;
        }

        var open = Enumerable.Range(0, _operators.Count).Where(i => !_kept.Contains(_slots[i])).ToList();
        return open.Count == 0
            ? -1
            : open.OrderByDescending(i => _space.Pool.CnotCount(_operators[i])).ThenBy(i => Math.Abs(_angles[i])).ThenBy(i => i).First();
    }
}
