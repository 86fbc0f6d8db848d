using System.Text;

namespace NasPlatform.Quantum.Simulator.Qasm;

/// <summary>
/// Executes a <see cref="QasmProgram"/> on the state vector, branching at every measurement or reset whose
/// outcome is not certain. Exact mode follows both outcomes with their probabilities; sampling mode splits
/// the shots between the outcomes (each shot draws its outcome from the seeded generator) and follows
/// only outcomes that some shot took, so shots that agree share one simulation of everything before their
/// first difference. The measurements at the end of the file, which nothing after them depends on, are
/// read out from the final state at once instead of branch by branch.
/// <para>
/// Memory: the second outcome of a branch runs on a copy of the state while copies fit in
/// <see cref="CopyBudgetBytes"/>; beyond that (large registers) it runs on the same state, which is then
/// rebuilt for the first outcome by replaying the program from the start with the outcomes taken so far.
/// </para>
/// </summary>
internal sealed class QasmProgramRunner
{
    private const long CopyBudgetBytes = 1L << 30;
    private const int MarginalTableMaxQubits = 24;

    private readonly QasmProgram _program;
    private readonly IReadOnlyList<QasmStep> _steps;
    private readonly Random? _rng;
    private readonly int _maxBranches;
    private readonly long _maxCopies;
    private readonly int _tail;
    private readonly Precision _precision;
    private readonly List<QasmMeasureStep> _readout;
    private readonly Dictionary<string, double> _probabilities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly List<int> _path = [];
    private double[]? _marginal;
    private long _copies;
    private long _branches;

    public QasmProgramRunner(QasmProgram program, Random? rng, int maxBranches, long copyBudgetBytes = CopyBudgetBytes, Precision precision = Precision.Double)
    {
        _precision = precision;
        _program = program;
        _steps = program.Steps;
        _rng = rng;
        _maxBranches = maxBranches;
        _maxCopies = copyBudgetBytes / (16L << program.NumQubits);
        _tail = _steps.Count;
        while (_tail > 0 && _steps[_tail - 1] is QasmMeasureStep { Condition: null })
        {
            _tail--;
        }

        // Double precision reads out the trailing measurements; single precision runs unitary programs only,
        // whose measurements are all terminal (ToCircuit checks it), so every one of them is read out at the end.
        var zero = new ulong[program.ClassicalRegisters.Count];
        _readout = precision == Precision.Double
            ? [.. _steps.Skip(_tail).Cast<QasmMeasureStep>()]
            : [.. _steps.OfType<QasmMeasureStep>().Where(m => m.Condition is null || m.Condition.Holds(zero))];
    }

    public Dictionary<string, double> Exact()
    {
        if (_precision == Precision.Single)
        {
            Leaf(RunSingle(), new ulong[_program.ClassicalRegisters.Count], 1.0, 0);
        }
        else
        {
            Walk(new StateVector(_program.NumQubits), new ulong[_program.ClassicalRegisters.Count], 0, 1.0, 0);
        }

        // Outcomes that only rounding reaches (1e-34 where the exact value is 0) are not outcomes.
        return _probabilities.Where(p => p.Value > QasmCollapse.Negligible).ToDictionary(StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, long> Sampled(int shots)
    {
        if (shots > 0)
        {
            if (_precision == Precision.Single)
            {
                Leaf(RunSingle(), new ulong[_program.ClassicalRegisters.Count], 1.0, shots);
            }
            else
            {
                Walk(new StateVector(_program.NumQubits), new ulong[_program.ClassicalRegisters.Count], 0, 1.0, shots);
            }
        }

        return _counts;
    }

    /// <summary>
    /// The program as a unitary circuit (a located <see cref="QasmException"/> otherwise) run as a fused plan on a
    /// complex64 state, then widened for the read-out, whose probabilities are summed in double.
    /// </summary>
    private StateVector RunSingle()
    {
        var circuit = _program.ToCircuit();
        var state = new StateVectorSingle(_program.NumQubits);
        circuit.Fuse().Apply(state, []);
        return state.ToDouble();
    }

    /// <summary>Runs steps from <paramref name="from"/> on, with this branch's probability <paramref name="weight"/> (exact) or <paramref name="shots"/> (sampling).</summary>
    private void Walk(StateVector state, ulong[] registers, int from, double weight, long shots)
    {
        var pathMark = _path.Count;
        for (var i = from; i < _tail; i++)
        {
            var step = _steps[i];
            if (step.Condition is { } condition && !condition.Holds(registers))
            {
                continue;
            }

            if (step is QasmGateStep gate)
            {
                state.ApplyOp(gate.Op, []);
                continue;
            }

            var p1 = QasmCollapse.ProbabilityOfOne(state, Qubit(step));
            var n1 = _rng is null ? 0 : Ones(p1, shots);
            var (take0, take1) = _rng is null
                ? (p1 < 1 - QasmCollapse.Negligible, p1 > QasmCollapse.Negligible)
                : (n1 < shots, n1 > 0);
            if (take0 && take1)
            {
                CountBranch();
                Fork(state, registers, i, weight * p1, n1);
                (weight, shots) = (weight * (1 - p1), shots - n1);
            }

            var outcome = take0 ? 0 : 1;
            Outcome(state, registers, step, outcome);
            _path.Add(outcome);
        }

        Leaf(state, registers, weight, shots);
        _path.RemoveRange(pathMark, _path.Count - pathMark);
    }

    /// <summary>Runs outcome 1 of step <paramref name="i"/>, on a copy when one fits, else on <paramref name="state"/>, which is then rebuilt as it was.</summary>
    private void Fork(StateVector state, ulong[] registers, int i, double weight, long shots)
    {
        var step = _steps[i];
        var otherRegisters = (ulong[])registers.Clone();
        if (_copies < _maxCopies)
        {
            _copies++;
            var copy = state.Clone();
            Outcome(copy, otherRegisters, step, 1);
            _path.Add(1);
            Walk(copy, otherRegisters, i + 1, weight, shots);
            _path.RemoveAt(_path.Count - 1);
            _copies--;
            return;
        }

        Outcome(state, otherRegisters, step, 1);
        _path.Add(1);
        Walk(state, otherRegisters, i + 1, weight, shots);
        _path.RemoveAt(_path.Count - 1);
        Replay(state, i);
    }

    /// <summary>Rebuilds the state before step <paramref name="upTo"/> from |0…0⟩ with the outcomes on the current path.</summary>
    private void Replay(StateVector state, int upTo)
    {
        state.Reset();
        var registers = new ulong[_program.ClassicalRegisters.Count];
        var next = 0;
        for (var i = 0; i < upTo; i++)
        {
            var step = _steps[i];
            if (step.Condition is { } condition && !condition.Holds(registers))
            {
                continue;
            }

            if (step is QasmGateStep gate)
            {
                state.ApplyOp(gate.Op, []);
            }
            else
            {
                Outcome(state, registers, step, _path[next++]);
            }
        }
    }

    private static int Qubit(QasmStep step) => step is QasmMeasureStep measure ? measure.Qubit : ((QasmResetStep)step).Qubit;

    /// <summary>Collapses to <paramref name="outcome"/>, records it in the bit a measure writes, and flips a reset qubit back to 0.</summary>
    private static void Outcome(StateVector state, ulong[] registers, QasmStep step, int outcome)
    {
        var qubit = Qubit(step);
        QasmCollapse.Project(state, qubit, outcome);
        if (step is QasmMeasureStep { Register: >= 0 } measure)
        {
            registers[measure.Register] = SetBit(registers[measure.Register], measure.Bit, outcome);
        }
        else if (step is QasmResetStep && outcome == 1)
        {
            state.ApplyGate(GateKind.X, qubit);
        }
    }

    private static ulong SetBit(ulong value, int bit, int outcome) => outcome == 1 ? value | (1UL << bit) : value & ~(1UL << bit);

    /// <summary>How many of <paramref name="shots"/> shots draw outcome 1, one uniform draw each.</summary>
    private long Ones(double p1, long shots)
    {
        if (p1 <= QasmCollapse.Negligible)
        {
            return 0;
        }

        if (p1 >= 1 - QasmCollapse.Negligible)
        {
            return shots;
        }

        var ones = 0L;
        for (var s = 0L; s < shots; s++)
        {
            ones += _rng!.NextDouble() < p1 ? 1 : 0;
        }

        return ones;
    }

    private void CountBranch()
    {
        if (++_branches > _maxBranches)
        {
            throw new InvalidOperationException($"{_program.Source}: the program's measurements and resets split into more than {_maxBranches} branches; " +
                "exact probabilities would take too long, so sample it instead (--shots N)");
        }
    }

    /// <summary>Reads out the final state: the trailing measurements (or every qubit when nothing is measured).</summary>
    private void Leaf(StateVector state, ulong[] registers, double weight, long shots)
    {
        var mask = 0;
        foreach (var measure in _readout)
        {
            mask |= 1 << state.BitOf(measure.Qubit);
        }

        if (!_program.MeasuresSomething)
        {
            mask = state.Length - 1;
        }

        if (_rng is null && !_program.MeasuresSomething)
        {
            // Every qubit is read out: one entry per basis state, without a marginal table of 2^n entries.
            for (var i = 0; i < state.Length; i++)
            {
                var p = state.Probability(i);
                if (p > 0)
                {
                    var key = state.FormatBasis(i);
                    _probabilities[key] = _probabilities.GetValueOrDefault(key) + weight * p;
                }
            }

            return;
        }

        if (_rng is null)
        {
            ExactLeaf(state, registers, weight, mask);
            return;
        }

        if (shots == 0)
        {
            return;
        }

        foreach (var group in state.Sample((int)shots, _rng).GroupBy(index => index & mask))
        {
            var key = Key(state, registers, group.Key);
            _counts[key] = _counts.GetValueOrDefault(key) + group.Count();
        }
    }

    /// <summary>
    /// Adds the leaf's outcome probabilities: the state's distribution summed over the qubits no trailing
    /// measurement reads. The sums go into one reused array indexed by the masked basis index (a table
    /// of 2^n doubles, kept up to 2^24), not a hash table: a program with a thousand leaves would
    /// otherwise make a billion hash updates.
    /// </summary>
    private void ExactLeaf(StateVector state, ulong[] registers, double weight, int mask)
    {
        if (state.NumQubits > MarginalTableMaxQubits)
        {
            var sums = new Dictionary<int, double>();
            for (var i = 0; i < state.Length; i++)
            {
                sums[i & mask] = sums.GetValueOrDefault(i & mask) + state.Probability(i);
            }

            foreach (var (index, p) in sums)
            {
                AddProbability(Key(state, registers, index), weight * p);
            }

            return;
        }

        _marginal ??= new double[state.Length];
        for (var i = 0; i < state.Length; i++)
        {
            _marginal[i & mask] += state.Probability(i);
        }

        for (var index = 0; index < _marginal.Length; index++)
        {
            if (_marginal[index] > 0)
            {
                AddProbability(Key(state, registers, index), weight * _marginal[index]);
            }

            _marginal[index] = 0;
        }
    }

    private void AddProbability(string key, double p) => _probabilities[key] = _probabilities.GetValueOrDefault(key) + p;

    private string Key(StateVector state, ulong[] registers, int index)
    {
        if (!_program.MeasuresSomething)
        {
            return state.FormatBasis(index);
        }

        var bits = (ulong[])registers.Clone();
        foreach (var measure in _readout)
        {
            if (measure.Register >= 0)
            {
                bits[measure.Register] = SetBit(bits[measure.Register], measure.Bit, (index >> state.BitOf(measure.Qubit)) & 1);
            }
        }

        var text = new StringBuilder();
        for (var r = 0; r < bits.Length; r++)
        {
            text.Append(r == 0 ? string.Empty : " ");
            for (var b = 0; b < _program.ClassicalRegisters[r].Size; b++)
            {
                text.Append((bits[r] >> b & 1) == 1 ? '1' : '0');
            }
        }

        return text.ToString();
    }
}
