using System.Numerics;

namespace NasPlatform.Quantum.Simulator;

/// <summary>
/// Exact gradients of E(θ) = ⟨ψ(θ)|H|ψ(θ)⟩ by adjoint differentiation (Jones &amp; Gacon 2020): one forward
/// pass, then one backward sweep that undoes each gate on |ψ⟩ and on |λ⟩ = U…H|ψ⟩. For a gate
/// U = exp(−iθG), dE/dθ = 2·Im⟨λ|G|ψ⟩ evaluated right after the gate, so all P gradients cost O(P) gate
/// applications and two state vectors, whatever P is. Not thread-safe: use one instance per thread.
/// </summary>
public sealed class AdjointGradient
{
    private readonly IAdjointStates _states;
    private Circuit? _planFor;
    private int _planOps;
    private FusedCircuit? _plan;
    private int[] _runBits = new int[16];
    private Complex[] _runUndo = new Complex[32];
    private double[] _runGenerator = new double[32];
    private double[] _runDerivatives = new double[16];

    /// <summary>A complex128 workspace (two state vectors).</summary>
    public AdjointGradient(int numQubits)
        : this(numQubits, Precision.Double)
    {
    }

    /// <summary>
    /// A workspace in the given precision. <see cref="Precision.Single"/> keeps |ψ⟩ and |λ⟩ in complex64 (half the
    /// memory and bytes per pass); the energy and every ⟨λ|G|ψ⟩ are still summed in double.
    /// </summary>
    public AdjointGradient(int numQubits, Precision precision)
    {
        if (numQubits is < 1 or > StateVector.MaxQubits)
        {
            throw new ArgumentOutOfRangeException(nameof(numQubits), numQubits, $"A state needs 1 to {StateVector.MaxQubits} qubits.");
        }

        Precision = precision;
        _states = precision switch
        {
            Precision.Double => new AdjointStatesDouble(numQubits),
            Precision.Single => new AdjointStatesSingle(numQubits),
            _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, "Use Precision.Double or Precision.Single."),
        };
    }

    /// <summary>The precision of the two state vectors.</summary>
    public Precision Precision { get; }

    public int NumQubits => _states.NumQubits;

    /// <summary>
    /// Writes dE/dθ_p into <paramref name="gradient"/> (length ≥ the circuit's parameter count; the entries
    /// are overwritten) and returns E.
    /// </summary>
    /// <param name="circuit">The parameterized circuit (its register must match this workspace).</param>
    /// <param name="parameters">θ.</param>
    /// <param name="observable">H.</param>
    /// <param name="gradient">Receives dE/dθ.</param>
    /// <param name="initialState">Start state (default |0…0⟩), e.g. a Hartree–Fock basis state.</param>
    public double Evaluate(Circuit circuit, ReadOnlySpan<double> parameters, PauliSum observable, Span<double> gradient, StateVector? initialState = null)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentNullException.ThrowIfNull(observable);
        if (circuit.NumQubits != NumQubits)
        {
            throw new ArgumentException($"The circuit has {circuit.NumQubits} qubits; this workspace has {NumQubits}.", nameof(circuit));
        }
        var parameterCount = circuit.ParameterCount;
        if (gradient.Length < parameterCount)
        {
            throw new ArgumentException($"The circuit has {parameterCount} parameters; the gradient span holds {gradient.Length}.", nameof(gradient));
        }

        gradient.Clear();
        var energy = _states.Forward(PlanFor(circuit), parameters, observable, initialState);
        var ops = circuit.Ops;
        var firstParameterized = FirstParameterized(ops);
        Span<Complex> m = stackalloc Complex[16];
        Span<Complex> adjoint = stackalloc Complex[16];
        Span<Complex> generator = stackalloc Complex[16];
        Span<double> angles = stackalloc double[3];
        for (var i = ops.Count - 1; i >= firstParameterized && i >= 0; i--)
        {
            var op = ops[i];
            if (_states.HasDiagonalLayer && IsDiagonal1(op.Kind))
            {
                var start = i;
                while (start - 1 >= firstParameterized && IsDiagonal1(ops[start - 1].Kind))
                {
                    start--;
                }

                if (start < i)
                {
                    StepDiagonalRun(ops, start, i, parameters, gradient);
                    i = start;
                    continue;
                }
            }

            if (!op.IsParameterized)
            {
                Undo(op, parameters, m, adjoint);
                continue;
            }

            op.ResolveAngles(parameters, angles);
            if (op.Kind == GateKind.U3)
            {
                // U3(θ, φ, λ) = e^{i(φ+λ)/2} RZ(φ) RY(θ) RZ(λ); the global phase hits |ψ⟩ and |λ⟩ alike.
                StepRotation(GateKind.RZ, op.Qubit0, angles[1], op.Angle1, gradient, m, adjoint, generator);
                StepRotation(GateKind.RY, op.Qubit0, angles[0], op.Angle0, gradient, m, adjoint, generator);
                StepRotation(GateKind.RZ, op.Qubit0, angles[2], op.Angle2, gradient, m, adjoint, generator);
                continue;
            }

            double derivative;
            if (op.Arity == 1 || Gates.ControlledTarget(op.Kind) is not null)
            {
                derivative = FusedStep(op, angles, m, adjoint, generator);
            }
            else
            {
                derivative = GeneratorElement(op, generator);
                Undo(op, parameters, m, adjoint);
            }

            Accumulate(op.Angle0, derivative, gradient);
        }

        return energy;
    }

    /// <summary>Index of the first parameterized gate (−1 when none): the backward sweep stops there.</summary>
    private static int FirstParameterized(IReadOnlyList<GateOp> ops)
    {
        for (var i = 0; i < ops.Count; i++)
        {
            if (ops[i].IsParameterized)
            {
                return i;
            }
        }

        return -1;
    }

    private FusedCircuit PlanFor(Circuit circuit)
    {
        if (!ReferenceEquals(_planFor, circuit) || _planOps != circuit.Ops.Count)
        {
            _plan = circuit.Fuse();
            _planFor = circuit;
            _planOps = circuit.Ops.Count;
        }

        return _plan!;
    }

    private static bool IsDiagonal1(GateKind kind) =>
        kind is GateKind.RZ or GateKind.P or GateKind.Z or GateKind.S or GateKind.Sdg or GateKind.T or GateKind.Tdg;

    /// <summary>Ops [start, end] are one-qubit diagonal gates: all their derivatives and their undo in one pass.</summary>
    private void StepDiagonalRun(IReadOnlyList<GateOp> ops, int start, int end, ReadOnlySpan<double> parameters, Span<double> gradient)
    {
        var count = end - start + 1;
        if (_runBits.Length < count)
        {
            (_runBits, _runUndo, _runGenerator, _runDerivatives) = (new int[count], new Complex[2 * count], new double[2 * count], new double[count]);
        }

        Span<Complex> m = stackalloc Complex[4];
        Span<double> angles = stackalloc double[3];
        for (var k = 0; k < count; k++)
        {
            var op = ops[start + k];
            op.ResolveAngles(parameters, angles);
            Gates.Matrix1(op.Kind, angles, m);
            _runBits[k] = _states.BitOf(op.Qubit0);
            (_runUndo[2 * k], _runUndo[2 * k + 1]) = (Complex.Conjugate(m[0]), Complex.Conjugate(m[3]));
            (_runGenerator[2 * k], _runGenerator[2 * k + 1]) = !op.IsParameterized ? (0.0, 0.0)
                : op.Kind == GateKind.RZ ? (0.5, -0.5)
                : (0.0, -1.0); // P(φ) = diag(1, e^{iφ}): G = −|1⟩⟨1|, as in FusedStep.
        }

        _states.RunDiagonal(_runBits.AsSpan(0, count), _runUndo.AsSpan(0, 2 * count), _runGenerator.AsSpan(0, 2 * count), _runDerivatives.AsSpan(0, count));
        for (var k = 0; k < count; k++)
        {
            if (ops[start + k].IsParameterized)
            {
                Accumulate(ops[start + k].Angle0, _runDerivatives[k], gradient);
            }
        }
    }

    private static void Accumulate(Angle angle, double derivative, Span<double> gradient)
    {
        if (angle.IsParameterized)
        {
            gradient[angle.ParameterIndex] += angle.Scale * derivative;
        }
    }

    /// <summary>dE/dθ = 2·Im⟨λ|G|ψ⟩ for RXX, RYY, RZZ, whose generator is P⊗P/2.</summary>
    private double GeneratorElement(GateOp op, Span<Complex> g)
    {
        Span<Complex> p = stackalloc Complex[4];
        var pauli = op.Kind switch
        {
            GateKind.RXX => GateKind.X,
            GateKind.RYY => GateKind.Y,
            GateKind.RZZ => GateKind.Z,
            _ => throw new NotSupportedException($"{op.Kind} has no two-qubit generator."),
        };
        Gates.Matrix1(pauli, [], p);
        MatrixMath.Kron2(p, p, g);
        for (var k = 0; k < 16; k++)
        {
            g[k] *= 0.5;
        }

        return 2.0 * _states.Element2(op.Qubit0, op.Qubit1, g).Imaginary;
    }

    /// <summary>
    /// For a parameterized one-qubit or controlled gate: 2·Im⟨λ|G|ψ⟩ and the undo of the gate on both
    /// states, in one pass.
    /// </summary>
    private double FusedStep(GateOp op, ReadOnlySpan<double> angles, Span<Complex> m, Span<Complex> adjoint, Span<Complex> g)
    {
        g.Clear();
        int target, control;
        if (Gates.ControlledTarget(op.Kind) is { } rotation)
        {
            (target, control) = (op.Qubit1, op.Qubit0);
            Gates.Matrix1(rotation, angles, m);
            HalfPauli(rotation, g);
        }
        else
        {
            (target, control) = (op.Qubit0, -1);
            Gates.Matrix1(op.Kind, angles, m);
            if (op.Kind == GateKind.P)
            {
                // P(φ) = diag(1, e^{iφ}): ∂P = i|1⟩⟨1|·P, so G = −|1⟩⟨1|.
                g[3] = -1;
            }
            else
            {
                HalfPauli(op.Kind, g);
            }
        }

        MatrixMath.Adjoint(m[..4], adjoint, 2);
        var element = _states.Step(_states.BitOf(target), control < 0 ? -1 : _states.BitOf(control), adjoint[..4], g[..4]);
        return 2.0 * element;
    }

    private static void HalfPauli(GateKind rotation, Span<Complex> g)
    {
        var pauli = rotation switch { GateKind.RX => GateKind.X, GateKind.RY => GateKind.Y, _ => GateKind.Z };
        Gates.Matrix1(pauli, [], g);
        for (var k = 0; k < 4; k++)
        {
            g[k] *= 0.5;
        }
    }

    private void StepRotation(GateKind rotation, int qubit, double angle, Angle source, Span<double> gradient, Span<Complex> m, Span<Complex> adjoint, Span<Complex> g)
    {
        g.Clear();
        if (source.IsParameterized)
        {
            HalfPauli(rotation, g);
        }

        Gates.Matrix1(rotation, [angle], m);
        MatrixMath.Adjoint(m[..4], adjoint, 2);
        var element = _states.Step(_states.BitOf(qubit), -1, adjoint[..4], g[..4]);
        Accumulate(source, 2.0 * element, gradient);
    }

    private void Undo(GateOp op, ReadOnlySpan<double> parameters, Span<Complex> m, Span<Complex> adjoint)
    {
        if (op.Kind == GateKind.I)
        {
            return;
        }

        if (op.Arity == 1)
        {
            Gates.Matrix(op, parameters, m);
            MatrixMath.Adjoint(m[..4], adjoint, 2);
            _states.Undo1(op.Qubit0, adjoint[..4]);
        }
        else if (Gates.ControlledTarget(op.Kind) is { } target)
        {
            Span<double> angles = stackalloc double[3];
            op.ResolveAngles(parameters, angles);
            Gates.Matrix1(target, angles, m);
            MatrixMath.Adjoint(m[..4], adjoint, 2);
            _states.UndoControlled1(op.Qubit0, op.Qubit1, adjoint[..4]);
        }
        else
        {
            Gates.Matrix(op, parameters, m);
            MatrixMath.Adjoint(m, adjoint, 4);
            _states.Undo2(op.Qubit0, op.Qubit1, adjoint);
        }
    }
}
