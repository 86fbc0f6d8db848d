namespace NasPlatform.Quantum.Simulator;

public sealed partial class FusedCircuit
{
    /// <summary>
    /// The plan under construction, gate by gate: the steps so far, the one-qubit gates still waiting on each qubit,
    /// and each qubit's last step (which a later gate on that qubit may still join).
    /// </summary>
    private sealed class Planner
    {
        private readonly List<Step> _steps = [];
        private readonly List<GateOp>?[] _pending;
        private readonly int[] _lastStep;

        public Planner(int numQubits)
        {
            _pending = new List<GateOp>?[numQubits];
            _lastStep = new int[numQubits];
            Array.Fill(_lastStep, -1);
        }

        public void AddOneQubitGate(GateOp op, bool intoTwoQubitGates)
        {
            var q = op.Qubit0;
            // Nothing after the last step on q touches q, so a later gate on q may join that step.
            if (intoTwoQubitGates && _lastStep[q] >= 0 && _steps[_lastStep[q]].IsTwo && (_pending[q]?.Count ?? 0) == 0)
            {
                var step = _steps[_lastStep[q]];
                step.Components.Add(new Component(op, RoleIn(step, op)));
            }
            else
            {
                (_pending[q] ??= []).Add(op);
            }
        }

        /// <summary>A two-qubit gate when one-qubit gates stay in passes of their own.</summary>
        public void AddTwoQubitGate(GateOp op)
        {
            var (a, b) = (op.Qubit0, op.Qubit1);
            Flush(a);
            Flush(b);
            var previous = _lastStep[a];
            // Two dense gates in a row on one pair (RXX RYY RZZ, …) always share one 4×4 pass.
            if (previous >= 0 && previous == _lastStep[b] && _steps[previous].IsTwo && Gates.ControlledTarget(op.Kind) is null
                && !_steps[previous].Components.Any(c => Gates.ControlledTarget(c.Op.Kind) is not null))
            {
                _steps[previous].Components.Add(new Component(op, RoleIn(_steps[previous], op)));
                return;
            }

            var alone = new Step(true, a, b);
            alone.Components.Add(new Component(op, Role.Pair));
            _steps.Add(alone);
            _lastStep[a] = _lastStep[b] = _steps.Count - 1;
        }

        /// <summary>A two-qubit gate that takes in the one-qubit gates waiting on its qubits (and joins the pair's last step).</summary>
        public void AddTwoQubitGateFolding(GateOp op)
        {
            var (a, b) = (op.Qubit0, op.Qubit1);
            Step target;
            var shared = _lastStep[a];
            if (shared >= 0 && shared == _lastStep[b] && _steps[shared].IsTwo)
            {
                target = _steps[shared];
            }
            else
            {
                target = new Step(true, a, b);
                _steps.Add(target);
                _lastStep[a] = _lastStep[b] = _steps.Count - 1;
            }

            foreach (var q in (ReadOnlySpan<int>)[a, b])
            {
                if (_pending[q] is { Count: > 0 } list)
                {
                    target.Components.AddRange(list.Select(p => new Component(p, RoleIn(target, p))));
                    list.Clear();
                }
            }

            target.Components.Add(new Component(op, RoleIn(target, op)));
        }

        /// <summary>The finished plan: the gates still waiting on each qubit become one-qubit passes at the end.</summary>
        public Step[] Finish()
        {
            for (var q = 0; q < _pending.Length; q++)
            {
                Flush(q);
            }

            return [.. _steps];
        }

        private static Role RoleIn(Step step, GateOp op) => op.Arity == 1
            ? (op.Qubit0 == step.Qubit0 ? Role.OnFirst : Role.OnSecond)
            : (op.Qubit0 == step.Qubit0 ? Role.Pair : Role.PairSwapped);

        private void Flush(int q)
        {
            if (_pending[q] is { Count: > 0 } list)
            {
                var step = new Step(false, q, -1);
                step.Components.AddRange(list.Select(op => new Component(op, Role.OnFirst)));
                _steps.Add(step);
                _lastStep[q] = _steps.Count - 1;
                list.Clear();
            }
        }
    }
}
