using System.Numerics;

namespace NasPlatform.Quantum.Simulator;

/// <summary>
/// An execution plan that needs fewer passes over the state than the gate list: runs of one-qubit gates on
/// a qubit become one 2×2 pass, and (optionally) one-qubit gates are folded into a neighbouring two-qubit
/// gate, and consecutive two-qubit gates on the same pair into one 4×4 pass. The plan depends only on the
/// gate structure, so it is built once and applied with any parameter vector; applying it allocates nothing.
/// </summary>
public sealed partial class FusedCircuit
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
        var target = new DoubleTarget(state);
        ApplyTo(ref target, parameters);
    }

    /// <summary>Runs the plan on a complex64 state: the same passes, matrices built in double and rounded by the kernels.</summary>
    public void Apply(StateVectorSingle state, ReadOnlySpan<double> parameters)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.NumQubits != Circuit.NumQubits)
        {
            throw new ArgumentException($"The circuit has {Circuit.NumQubits} qubits; the state has {state.NumQubits}.", nameof(state));
        }

        var target = new SingleTarget(state);
        ApplyTo(ref target, parameters);
    }

    /// <summary>The step loop, generic over the state's precision so that the JIT specializes it for each.</summary>
    private void ApplyTo<TTarget>(ref TTarget state, ReadOnlySpan<double> parameters)
        where TTarget : struct, IPassTarget
    {
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
        var planner = new Planner(circuit.NumQubits);
        foreach (var op in circuit.Ops)
        {
            if (op.Kind == GateKind.I)
            {
                continue;
            }

            if (op.Arity == 1)
            {
                planner.AddOneQubitGate(op, intoTwoQubitGates);
            }
            else if (intoTwoQubitGates)
            {
                planner.AddTwoQubitGateFolding(op);
            }
            else
            {
                planner.AddTwoQubitGate(op);
            }
        }

        return planner.Finish();
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
