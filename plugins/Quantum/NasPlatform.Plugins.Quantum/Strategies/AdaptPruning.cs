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
/// With <see cref="Regrow"/>, stepping stones follow: the removals that left the band, nearest to it first, are grown
/// again by ADAPT steps (their own pool gradients, the run's selection rule) while they stay cheaper in CNOTs than the
/// current circuit; the first grown circuit within the band replaces the current one, and pruning starts again from it.
/// </summary>
public sealed class AdaptPruning
{
    // |dE/dθ| (Ha/rad) below which a stepping stone is taken as stationary (round-off: 1e-17 at Hartree–Fock).
    private const double StationaryGradient = 1e-8;

    private readonly ExcitationSpace _space;
    private readonly double _band;
    private readonly List<int> _operators;
    private readonly List<int> _slots;
    private readonly HashSet<int> _kept = [];
    private double[] _angles;
    private int _trying = -1;
    private int _nextSlot;
    private readonly List<TrialOutcome> _failed = [];
    private Candidate? _stone;
    private bool _tryingStone;

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
        _nextSlot = operators.Count;
        Error = error;
    }

    /// <summary>Whether exhausted removals are followed by stepping stones (regrown removals).</summary>
    public bool Regrow { get; init; }

    /// <summary>The rule that picks a stepping stone's next operator (<see cref="AdaptSelection"/>).</summary>
    public string Selection { get; init; } = AdaptSelection.GradientPerCnot;

    /// <summary>The CNOTs of the current circuit.</summary>
    public int CnotCount => _operators.Sum(_space.Pool.CnotCount);

    /// <summary>The current (accurate) circuit's operators.</summary>
    public IReadOnlyList<int> Operators => _operators;

    /// <summary>The current circuit's energy_error.</summary>
    public double Error { get; private set; }

    /// <summary>Tries kept so far (removals and stepping stones within the band).</summary>
    public int Removed { get; private set; }

    /// <summary>What the pending try does ("without 0,5->1,6", or "stepping stone of 21 operators"), or null.</summary>
    public string? Trying => _tryingStone
        ? $"stepping stone of {_space.Read(_stone!).Length} operators"
        : _trying < 0 ? null : "without " + _space.Pool.Labels[_operators[_slots.IndexOf(_trying)]];

    /// <summary>Whether nothing is left to try.</summary>
    public bool IsDone => NextPosition() < 0 && _stone is null;

    /// <summary>The next try: the current circuit without one operator, warm-started; null when none is left.</summary>
    public Candidate? Next()
    {
        var at = NextPosition();
        if (at < 0)
        {
            _tryingStone = _stone is not null;
            return _stone;
        }

        _trying = _slots[at];
        var operators = _operators.Where((_, i) => i != at).ToList();
        var angles = _angles.Where((_, i) => i != at).ToList();
        return _space.CandidateOf(operators, angles);
    }

    /// <summary>Reads the pending try's outcome; true when it stays within the band (and becomes the current circuit).</summary>
    public bool Tell(TrialOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var error = outcome.State == TrialState.Completed && outcome.Metrics.TryGetValue("energy_error", out var e) ? e : double.PositiveInfinity;
        var accepted = _tryingStone ? TellStone(outcome, error) : TellRemoval(outcome, error);
        // Stepping stones: the removals outside the band, nearest to it first, while one can be grown cheaper.
        while (Regrow && _stone is null && NextPosition() < 0 && _failed.Count > 0)
        {
            var nearest = _failed.MinBy(f => f.Metrics["energy_error"])!;
            _failed.Remove(nearest);
            _stone = Grow(nearest);
        }

        return accepted;
    }

    private bool TellRemoval(TrialOutcome outcome, double error)
    {
        var at = _slots.IndexOf(_trying);
        _trying = -1;
        if (at < 0)
        {
            return false;
        }

        if (!(error <= _band))
        {
            _kept.Add(_slots[at]);
            if (!double.IsInfinity(error))
            {
                _failed.Add(outcome);
            }

            return false;
        }

        _operators.RemoveAt(at);
        _slots.RemoveAt(at);
        Accept(outcome, error);
        return true;
    }

    private bool TellStone(TrialOutcome outcome, double error)
    {
        _tryingStone = false;
        _stone = null;
        if (!(error <= _band))
        {
            _stone = Grow(outcome);
            return false;
        }

        // Cheaper than the current circuit by construction (Grow): it replaces it, and every operator is open again.
        _operators.Clear();
        _operators.AddRange(_space.Read(outcome.Candidate));
        _slots.Clear();
        _slots.AddRange(Enumerable.Range(_nextSlot, _operators.Count));
        _nextSlot += _operators.Count;
        _kept.Clear();
        Accept(outcome, error);
        return true;
    }

    private void Accept(TrialOutcome outcome, double error)
    {
        _angles = Enumerable.Range(0, _operators.Count)
            .Select(i => outcome.Metrics.TryGetValue(ExcitationEvaluation.AngleMetric(i), out var a) ? a : 0.0).ToArray();
        Error = error;
        Removed++;
    }

    // The circuit of a try outside the band plus the operator its pool gradients pick among those that keep it cheaper
    // than the current circuit; null when none has a gradient above StationaryGradient, at maxOperators, or without
    // gradients (a failed trial).
    private Candidate? Grow(TrialOutcome source)
    {
        if (source.State != TrialState.Completed)
        {
            return null;
        }

        var operators = _space.Read(source.Candidate).ToList();
        var gradients = new double[_space.Pool.Count];
        for (var k = 0; k < gradients.Length; k++)
        {
            if (!source.Metrics.TryGetValue(ExcitationEvaluation.GradientMetric(k), out gradients[k]))
            {
                return null;
            }
        }

        // Only operators that keep it cheaper than the current circuit compete (the double just removed does not fit back).
        var room = CnotCount - operators.Sum(_space.Pool.CnotCount);
        for (var k = 0; k < gradients.Length; k++)
        {
            gradients[k] = _space.Pool.CnotCount(k) < room ? gradients[k] : 0;
        }

        // No fitting operator, or only numerically zero gradients (a stationary state, such as Hartree-Fock for the
        // singles). Not ADAPT's gradientThreshold: the singles that bring a stone back into the band have gradients below it.
        var next = AdaptSelection.Choose(gradients, _space.Pool, Selection);
        if (operators.Count >= _space.MaxOperators || Math.Abs(gradients[next]) < StationaryGradient)
        {
            return null;
        }

        var angles = Enumerable.Range(0, operators.Count)
            .Select(i => source.Metrics.TryGetValue(ExcitationEvaluation.AngleMetric(i), out var a) ? a : 0.0).Append(0.0).ToList();
        operators.Add(next);
        return _space.CandidateOf(operators, angles);
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
