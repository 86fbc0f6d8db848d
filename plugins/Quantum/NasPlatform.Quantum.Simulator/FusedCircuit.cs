using System.Numerics;
using NasPlatform.Quantum.Simulator.Kernels;

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

    /// <summary>Register size from which <see cref="Circuit.Fuse()"/> runs the plan cache-blocked (see <see cref="Circuit.FuseBlocked"/>).</summary>
    public const int BlockedMinQubits = 18;

    /// <summary>Qubits of a cache block in <see cref="Circuit.Fuse()"/>'s complex128 plans: 2^15 amplitudes, 512 KiB (half of a 1 MiB L2).</summary>
    public const int DefaultChunkQubits = 15;

    /// <summary>Qubits of a cache block in <see cref="Circuit.Fuse()"/>'s complex64 plans: 2^16 amplitudes, also 512 KiB.</summary>
    public const int DefaultChunkQubitsSingle = 16;

    /// <summary>Index bits every block keeps at the bottom: runs of 2^8 contiguous amplitudes (2 KiB per complex128 array).</summary>
    public const int DefaultMinRunBits = 8;

    private readonly Step[] _steps;
    private readonly BlockedCircuit? _blocked;
    private readonly BlockedCircuit? _blockedSingle;

    internal FusedCircuit(Circuit circuit, bool intoTwoQubitGates)
    {
        Circuit = circuit;
        _steps = Plan(circuit, intoTwoQubitGates);
    }

    /// <summary>A cache-blocked plan: chunks of <paramref name="chunkQubits"/> for complex128 states and <paramref name="chunkQubitsSingle"/> for complex64 ones.</summary>
    internal FusedCircuit(Circuit circuit, int chunkQubits, int chunkQubitsSingle, int minRunBits)
        : this(circuit, intoTwoQubitGates: false)
    {
        _blocked = new BlockedCircuit(circuit, chunkQubits, minRunBits);
        _blockedSingle = chunkQubitsSingle == chunkQubits ? _blocked
            : chunkQubitsSingle < circuit.NumQubits ? new BlockedCircuit(circuit, chunkQubitsSingle, minRunBits) : null;
    }

    public Circuit Circuit { get; }

    /// <summary>Passes over the state per application (the gate count before fusion is <c>Circuit.Ops.Count</c>); a cache-blocked plan makes one per block.</summary>
    public int StepCount => _blocked?.PassCount ?? _steps.Length;

    /// <summary>Whether the plan runs complex128 states cache-blocked.</summary>
    public bool IsBlocked => _blocked is not null;

    /// <summary>Fused gate passes per application: over the whole state, or over the cache blocks where <see cref="IsBlocked"/>.</summary>
    public int GatePassCount => _blocked?.InnerPassCount ?? _steps.Length;

    public void Apply(StateVector state, ReadOnlySpan<double> parameters)
    {
        Circuit.RequireRegister(state);
        if (_blocked is not null)
        {
            _blocked.Apply(state, parameters);
            return;
        }

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

        if (_blockedSingle is not null)
        {
            _blockedSingle.Apply(state, parameters);
            return;
        }

        var target = new SingleTarget(state);
        ApplyTo(ref target, parameters);
    }

    /// <summary>The step loop, generic over the state's precision so that the JIT specializes it for each.</summary>
    private void ApplyTo<TTarget>(ref TTarget state, ReadOnlySpan<double> parameters)
        where TTarget : struct, IPassTarget
    {
        Span<Complex> m = stackalloc Complex[16];
        var work = new MatrixWork(stackalloc Complex[16], stackalloc Complex[16], stackalloc Complex[16], stackalloc double[3]);
        foreach (var step in _steps)
        {
            switch (StepMatrix(step, parameters, m, work))
            {
                case PassKind.One:
                    state.Apply1(step.Qubit0, m[..4]);
                    break;
                case PassKind.Controlled:
                    var op = step.Components[0].Op;
                    state.ApplyControlled1(op.Qubit0, op.Qubit1, m[..4]);
                    break;
                default:
                    state.Apply2(step.Qubit0, step.Qubit1, m);
                    break;
            }
        }
    }

    /// <summary>Every pass with its matrix for one parameter vector, so that a plan run many times over (chunk by chunk) builds them once.</summary>
    internal BoundPass[] Bind(ReadOnlySpan<double> parameters)
    {
        var passes = new BoundPass[_steps.Length];
        Span<Complex> m = stackalloc Complex[16];
        var work = new MatrixWork(stackalloc Complex[16], stackalloc Complex[16], stackalloc Complex[16], stackalloc double[3]);
        for (var i = 0; i < _steps.Length; i++)
        {
            var step = _steps[i];
            var kind = StepMatrix(step, parameters, m, work);
            var (q0, q1) = kind == PassKind.Controlled ? (step.Components[0].Op.Qubit0, step.Components[0].Op.Qubit1) : (step.Qubit0, step.Qubit1);
            var matrix = m[..(kind == PassKind.Two ? 16 : 4)];
            kind = kind switch
            {
                PassKind.One when CacheKernels.IsReal(matrix) => PassKind.OneReal,
                PassKind.Controlled when CacheKernels.IsPhase(matrix) => PassKind.ControlledPhase,
                _ => kind,
            };
            passes[i] = new BoundPass(kind, q0, q1, matrix.ToArray());
        }

        return passes;
    }

    /// <summary>Runs passes bound by <see cref="Bind"/> on a state of this plan's register size.</summary>
    internal static void ApplyBound<TTarget>(ref TTarget state, BoundPass[] passes)
        where TTarget : struct, IPassTarget
    {
        foreach (var pass in passes)
        {
            ApplyPass(ref state, pass);
        }
    }

    /// <summary>Runs one bound pass over the whole of <paramref name="state"/>.</summary>
    internal static void ApplyPass<TTarget>(ref TTarget state, BoundPass pass)
        where TTarget : struct, IPassTarget
    {
        switch (pass.Kind)
        {
            case PassKind.One:
                state.Apply1(pass.Qubit0, pass.Matrix);
                break;
            case PassKind.OneReal:
                state.ApplyReal1(pass.Qubit0, pass.Matrix);
                break;
            case PassKind.Controlled:
                state.ApplyControlled1(pass.Qubit0, pass.Qubit1, pass.Matrix);
                break;
            case PassKind.ControlledPhase:
                state.ApplyPhase11(pass.Qubit0, pass.Qubit1, pass.Matrix[3]);
                break;
            default:
                state.Apply2(pass.Qubit0, pass.Qubit1, pass.Matrix);
                break;
        }
    }

    /// <summary>The matrix of one step into <paramref name="m"/> (2×2 for one-qubit and controlled passes, else 4×4).</summary>
    private static PassKind StepMatrix(Step step, ReadOnlySpan<double> parameters, Span<Complex> m, MatrixWork work)
    {
        var g = work.G;
        var e = work.E;
        var scratch = work.Scratch;
        var components = step.Components;
        if (!step.IsTwo)
        {
            MatrixMath.Identity(m, 2);
            foreach (var component in components)
            {
                Gates.Matrix(component.Op, parameters, g);
                MatrixMath.LeftMultiplyInPlace(g[..4], m[..4], scratch, 2);
            }

            return PassKind.One;
        }

        if (components.Count == 1 && Gates.ControlledTarget(components[0].Op.Kind) is { } target)
        {
            // A lone controlled gate touches only the control = 1 half of the state.
            components[0].Op.ResolveAngles(parameters, work.Angles);
            Gates.Matrix1(target, work.Angles, m);
            return PassKind.Controlled;
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

        return PassKind.Two;
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

    /// <summary>Scratch space for building a step's matrix (stack memory of the caller).</summary>
    private readonly ref struct MatrixWork(Span<Complex> g, Span<Complex> e, Span<Complex> scratch, Span<double> angles)
    {
        public Span<Complex> G { get; } = g;

        public Span<Complex> E { get; } = e;

        public Span<Complex> Scratch { get; } = scratch;

        public Span<double> Angles { get; } = angles;
    }

    private sealed class Step(bool isTwo, int qubit0, int qubit1)
    {
        public bool IsTwo { get; } = isTwo;

        public int Qubit0 { get; } = qubit0;

        public int Qubit1 { get; } = qubit1;

        public List<Component> Components { get; } = [];
    }
}
