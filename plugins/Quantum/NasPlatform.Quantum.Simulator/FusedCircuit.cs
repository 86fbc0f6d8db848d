using System.Numerics;

namespace NasPlatform.Quantum.Simulator;

/// <summary>
/// An execution plan that needs fewer passes over the state than the gate list: runs of one-qubit gates on
/// a qubit become one 2×2 pass, and (optionally) one-qubit gates are folded into a neighbouring two-qubit
/// gate, and consecutive two-qubit gates on the same pair into one 4×4 pass. The plan depends only on the
/// gate structure, so it is built once and applied with any parameter vector; applying it allocates nothing.
/// </summary>
public sealed class FusedCircuit
{
    /// <summary>Register size from which <see cref="Circuit.Fuse()"/> folds one-qubit gates into two-qubit passes (memory-bound regime).</summary>
    public const int TwoQubitFusionMinQubits = 22;

    private readonly Step[] _steps;

    internal FusedCircuit(Circuit circuit, bool intoTwoQubitGates)
    {
        Circuit = circuit;
        _steps = Plan(circuit, intoTwoQubitGates);
    }

    public Circuit Circuit { get; }

    /// <summary>Passes over the state per application (the gate count before fusion is <c>Circuit.Ops.Count</c>).</summary>
    public int StepCount => _steps.Length;

    public void Apply(StateVector state, ReadOnlySpan<double> parameters)
    {
        Circuit.RequireRegister(state);
        Span<Complex> m = stackalloc Complex[16];
        Span<Complex> g = stackalloc Complex[16];
        Span<Complex> e = stackalloc Complex[16];
        Span<Complex> scratch = stackalloc Complex[16];
        Span<double> angles = stackalloc double[3];
        foreach (var step in _steps)
        {
            var components = step.Components;
            if (!step.IsTwo)
            {
                MatrixMath.Identity(m, 2);
                foreach (var component in components)
                {
                    Gates.Matrix(component.Op, parameters, g);
                    MatrixMath.LeftMultiplyInPlace(g[..4], m[..4], scratch, 2);
                }

                state.Apply1(step.Qubit0, m[..4]);
                continue;
            }

            if (components.Count == 1 && Gates.ControlledTarget(components[0].Op.Kind) is { } target)
            {
                // A lone controlled gate touches only the control = 1 half of the state.
                var op = components[0].Op;
                op.ResolveAngles(parameters, angles);
                Gates.Matrix1(target, angles, m);
                state.ApplyControlled1(op.Qubit0, op.Qubit1, m[..4]);
                continue;
            }

            MatrixMath.Identity(m, 4);
            foreach (var component in components)
            {
                Gates.Matrix(component.Op, parameters, g);
                switch (component.Role)
                {
                    case Role.OnFirst:
                        MatrixMath.Identity(scratch, 2);
                        MatrixMath.Kron2(g[..4], scratch[..4], e);
                        break;
                    case Role.OnSecond:
                        MatrixMath.Identity(scratch, 2);
                        MatrixMath.Kron2(scratch[..4], g[..4], e);
                        break;
                    case Role.Pair:
                        g.CopyTo(e);
                        break;
                    default:
                        MatrixMath.SwapQubits(g, e);
                        break;
                }

                MatrixMath.LeftMultiplyInPlace(e, m, scratch, 4);
            }

            state.Apply2(step.Qubit0, step.Qubit1, m);
        }
    }

    private static Step[] Plan(Circuit circuit, bool intoTwoQubitGates)
    {
        var steps = new List<Step>();
        var pending = new List<GateOp>?[circuit.NumQubits];
        var lastStep = new int[circuit.NumQubits];
        Array.Fill(lastStep, -1);

        void Flush(int q)
        {
            if (pending[q] is { Count: > 0 } list)
            {
                var step = new Step(false, q, -1);
                step.Components.AddRange(list.Select(op => new Component(op, Role.OnFirst)));
                steps.Add(step);
                lastStep[q] = steps.Count - 1;
                list.Clear();
            }
        }

        Role RoleIn(Step step, GateOp op) => op.Arity == 1
            ? (op.Qubit0 == step.Qubit0 ? Role.OnFirst : Role.OnSecond)
            : (op.Qubit0 == step.Qubit0 ? Role.Pair : Role.PairSwapped);

        foreach (var op in circuit.Ops)
        {
            if (op.Kind == GateKind.I)
            {
                continue;
            }

            if (op.Arity == 1)
            {
                var q = op.Qubit0;
                // Nothing after the last step on q touches q, so a later gate on q may join that step.
                if (intoTwoQubitGates && lastStep[q] >= 0 && steps[lastStep[q]].IsTwo && (pending[q]?.Count ?? 0) == 0)
                {
                    var step = steps[lastStep[q]];
                    step.Components.Add(new Component(op, RoleIn(step, op)));
                }
                else
                {
                    (pending[q] ??= []).Add(op);
                }

                continue;
            }

            var (a, b) = (op.Qubit0, op.Qubit1);
            if (!intoTwoQubitGates)
            {
                Flush(a);
                Flush(b);
                var previous = lastStep[a];
                // Two dense gates in a row on one pair (RXX RYY RZZ, …) always share one 4×4 pass.
                if (previous >= 0 && previous == lastStep[b] && steps[previous].IsTwo && Gates.ControlledTarget(op.Kind) is null
                    && !steps[previous].Components.Any(c => Gates.ControlledTarget(c.Op.Kind) is not null))
                {
                    steps[previous].Components.Add(new Component(op, RoleIn(steps[previous], op)));
                    continue;
                }

                var alone = new Step(true, a, b);
                alone.Components.Add(new Component(op, Role.Pair));
                steps.Add(alone);
                lastStep[a] = lastStep[b] = steps.Count - 1;
                continue;
            }

            Step target;
            var shared = lastStep[a];
            if (shared >= 0 && shared == lastStep[b] && steps[shared].IsTwo)
            {
                target = steps[shared];
            }
            else
            {
                target = new Step(true, a, b);
                steps.Add(target);
                lastStep[a] = lastStep[b] = steps.Count - 1;
            }

            foreach (var q in (ReadOnlySpan<int>)[a, b])
            {
                if (pending[q] is { Count: > 0 } list)
                {
                    target.Components.AddRange(list.Select(p => new Component(p, RoleIn(target, p))));
                    list.Clear();
                }
            }

            target.Components.Add(new Component(op, RoleIn(target, op)));
        }

        for (var q = 0; q < circuit.NumQubits; q++)
        {
            Flush(q);
        }

        return [.. steps];
    }

    private enum Role
    {
        OnFirst,
        OnSecond,
        Pair,
        PairSwapped,
    }

    private readonly record struct Component(GateOp Op, Role Role);

    private sealed class Step(bool isTwo, int qubit0, int qubit1)
    {
        public bool IsTwo { get; } = isTwo;

        public int Qubit0 { get; } = qubit0;

        public int Qubit1 { get; } = qubit1;

        public List<Component> Components { get; } = [];
    }
}
