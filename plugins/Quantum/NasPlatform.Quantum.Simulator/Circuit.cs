using System.Numerics;

namespace NasPlatform.Quantum.Simulator;

/// <summary>
/// A gate list over a fixed register. Angles may refer to parameter indices (<see cref="Angle.Parameter"/>),
/// so one circuit runs with many parameter vectors. Builder methods return the circuit for chaining.
/// </summary>
public sealed class Circuit
{
    private readonly List<GateOp> _ops = [];

    public Circuit(int numQubits)
    {
        if (numQubits is < 1 or > StateVector.MaxQubits)
        {
            throw new ArgumentOutOfRangeException(nameof(numQubits), numQubits, $"A circuit needs 1 to {StateVector.MaxQubits} qubits.");
        }

        NumQubits = numQubits;
    }

    public int NumQubits { get; }

    public IReadOnlyList<GateOp> Ops => _ops;

    /// <summary>One more than the largest parameter index used (0 when no angle is parameterized).</summary>
    public int ParameterCount
    {
        get
        {
            var count = 0;
            foreach (var op in _ops)
            {
                for (var slot = 0; slot < op.AngleCount; slot++)
                {
                    count = Math.Max(count, op.GetAngle(slot).ParameterIndex + 1);
                }
            }

            return count;
        }
    }

    public int TwoQubitGateCount => _ops.Count(op => op.Arity == 2);

    /// <summary>Circuit depth: the longest chain of gates sharing qubits.</summary>
    public int Depth
    {
        get
        {
            var level = new int[NumQubits];
            foreach (var op in _ops)
            {
                var next = op.Arity == 1 ? level[op.Qubit0] + 1 : Math.Max(level[op.Qubit0], level[op.Qubit1]) + 1;
                level[op.Qubit0] = next;
                if (op.Arity == 2)
                {
                    level[op.Qubit1] = next;
                }
            }

            return level.Length == 0 ? 0 : level.Max();
        }
    }

    public Circuit Add(GateOp op)
    {
        ArgumentNullException.ThrowIfNull(op);
        Validate(op);
        _ops.Add(op);
        return this;
    }

    public Circuit Add(GateKind kind, int qubit, params Angle[] angles) => Add(MakeOp(kind, qubit, -1, angles, null));

    public Circuit Add(GateKind kind, int qubit0, int qubit1, params Angle[] angles) => Add(MakeOp(kind, qubit0, qubit1, angles, null));

    public Circuit AddRange(IEnumerable<GateOp> ops)
    {
        foreach (var op in ops)
        {
            Add(op);
        }

        return this;
    }

    public Circuit I(int q) => Add(GateKind.I, q);

    public Circuit X(int q) => Add(GateKind.X, q);

    public Circuit Y(int q) => Add(GateKind.Y, q);

    public Circuit Z(int q) => Add(GateKind.Z, q);

    public Circuit H(int q) => Add(GateKind.H, q);

    public Circuit S(int q) => Add(GateKind.S, q);

    public Circuit Sdg(int q) => Add(GateKind.Sdg, q);

    public Circuit T(int q) => Add(GateKind.T, q);

    public Circuit Tdg(int q) => Add(GateKind.Tdg, q);

    public Circuit SX(int q) => Add(GateKind.SX, q);

    public Circuit RX(int q, Angle theta) => Add(GateKind.RX, q, theta);

    public Circuit RY(int q, Angle theta) => Add(GateKind.RY, q, theta);

    public Circuit RZ(int q, Angle theta) => Add(GateKind.RZ, q, theta);

    public Circuit P(int q, Angle lambda) => Add(GateKind.P, q, lambda);

    public Circuit U3(int q, Angle theta, Angle phi, Angle lambda) => Add(GateKind.U3, q, theta, phi, lambda);

    public Circuit CNOT(int control, int target) => Add(GateKind.CNOT, control, target);

    public Circuit CZ(int a, int b) => Add(GateKind.CZ, a, b);

    public Circuit SWAP(int a, int b) => Add(GateKind.SWAP, a, b);

    public Circuit CRX(int control, int target, Angle theta) => Add(GateKind.CRX, control, target, theta);

    public Circuit CRY(int control, int target, Angle theta) => Add(GateKind.CRY, control, target, theta);

    public Circuit CRZ(int control, int target, Angle theta) => Add(GateKind.CRZ, control, target, theta);

    public Circuit RXX(int a, int b, Angle theta) => Add(GateKind.RXX, a, b, theta);

    public Circuit RYY(int a, int b, Angle theta) => Add(GateKind.RYY, a, b, theta);

    public Circuit RZZ(int a, int b, Angle theta) => Add(GateKind.RZZ, a, b, theta);

    /// <summary>Any one-qubit unitary (2×2).</summary>
    public Circuit Unitary(int q, ComplexMatrix matrix) => Add(MakeOp(GateKind.Unitary1, q, -1, [], matrix));

    /// <summary>Any two-qubit unitary (4×4 over |q0 q1⟩, q0 the high bit).</summary>
    public Circuit Unitary(int q0, int q1, ComplexMatrix matrix) => Add(MakeOp(GateKind.Unitary2, q0, q1, [], matrix));

    /// <summary>Runs the circuit gate by gate on <paramref name="state"/> (no fusion).</summary>
    public void Apply(StateVector state, ReadOnlySpan<double> parameters)
    {
        RequireRegister(state);
        foreach (var op in _ops)
        {
            state.ApplyOp(op, parameters);
        }
    }

    /// <summary>
    /// A fused execution plan (see <see cref="FusedCircuit"/>), reusable for any parameters. From
    /// <see cref="FusedCircuit.BlockedMinQubits"/> qubits on it is cache-blocked (<see cref="FuseBlocked"/>, with chunks of
    /// 512 KiB in either precision): the state no longer fits the core's cache, so passes cost memory bandwidth,
    /// and a block does many gates for one pass. Below that, one-qubit gates stay in 2×2 passes (in cache a 4×4 pass
    /// costs about two 2×2 passes).
    /// </summary>
    public FusedCircuit Fuse() => NumQubits >= FusedCircuit.BlockedMinQubits
        ? new(this, FusedCircuit.DefaultChunkQubits, FusedCircuit.DefaultChunkQubitsSingle, FusedCircuit.DefaultMinRunBits)
        : new(this, NumQubits >= FusedCircuit.TwoQubitFusionMinQubits);

    /// <summary>
    /// A cache-blocked plan: the gates cut into blocks that each act within <paramref name="chunkQubits"/> index bits
    /// (always including the lowest <paramref name="minRunBits"/>), each block applied chunk by chunk to a copy that stays
    /// in cache, so a block costs one pass over the state whatever number of gates it holds. Needs more qubits than
    /// <paramref name="chunkQubits"/>.
    /// </summary>
    public FusedCircuit FuseBlocked(int chunkQubits = FusedCircuit.DefaultChunkQubits, int minRunBits = FusedCircuit.DefaultMinRunBits) =>
        new(this, chunkQubits, chunkQubits, minRunBits);

    /// <summary>A fused execution plan with an explicit choice of folding one-qubit gates into two-qubit passes.</summary>
    public FusedCircuit Fuse(bool intoTwoQubitGates) => new(this, intoTwoQubitGates);

    /// <summary>Fuses into dense blocks of up to <paramref name="maxQubits"/> (1 to 4) qubits.</summary>
    public DenseFusedCircuit FuseDense(int maxQubits) => new(this, maxQubits);

    /// <summary>Fuses into dense blocks, k = 2..4 chosen by the lowest modelled cost (<see cref="DenseFusedCircuit.PassCost"/>); ties go to the smaller k.</summary>
    public DenseFusedCircuit FuseDense() =>
        Enumerable.Range(2, 3).Select(FuseDense).MinBy(plan => plan.ModelledCost)!;

    /// <summary>Resets <paramref name="state"/> to |0…0⟩ and runs the fused circuit.</summary>
    public void Run(StateVector state, ReadOnlySpan<double> parameters)
    {
        state.Reset();
        Fuse().Apply(state, parameters);
    }

    /// <summary>The same gates with every angle resolved to a constant.</summary>
    public Circuit Bind(ReadOnlySpan<double> parameters)
    {
        var bound = new Circuit(NumQubits);
        foreach (var op in _ops)
        {
            var copy = op;
            for (var slot = 0; slot < op.AngleCount; slot++)
            {
                copy = copy.WithAngle(slot, Angle.Constant(op.GetAngle(slot).Resolve(parameters)));
            }

            bound.Add(copy);
        }

        return bound;
    }

    /// <summary>The 2^n×2^n unitary of the circuit (small n only; used by tests and tools).</summary>
    public Complex[,] ToUnitary(ReadOnlySpan<double> parameters)
    {
        if (NumQubits > 10)
        {
            throw new InvalidOperationException("ToUnitary builds a dense matrix; use it for at most 10 qubits.");
        }

        var dim = 1 << NumQubits;
        var u = new Complex[dim, dim];
        var column = new StateVector(NumQubits);
        for (var c = 0; c < dim; c++)
        {
            column.SetBasisState(c);
            Apply(column, parameters);
            for (var r = 0; r < dim; r++)
            {
                u[r, c] = column[r];
            }
        }

        return u;
    }

    internal static GateOp MakeOp(GateKind kind, int qubit0, int qubit1, ReadOnlySpan<Angle> angles, ComplexMatrix? matrix)
    {
        var expected = Gates.AngleCount(kind);
        if (angles.Length != expected)
        {
            throw new ArgumentException($"{kind} takes {expected} angle(s), got {angles.Length}.", nameof(angles));
        }

        var a0 = angles.Length > 0 ? angles[0] : Angle.Constant(0);
        var a1 = angles.Length > 1 ? angles[1] : Angle.Constant(0);
        var a2 = angles.Length > 2 ? angles[2] : Angle.Constant(0);
        return new GateOp(kind, qubit0, Gates.Arity(kind) == 2 ? qubit1 : -1, a0, a1, a2, matrix);
    }

    internal void RequireRegister(StateVector state)
    {
        if (state.NumQubits != NumQubits)
        {
            throw new ArgumentException($"The circuit has {NumQubits} qubits but the state has {state.NumQubits}.", nameof(state));
        }
    }

    private void Validate(GateOp op)
    {
        void Check(int q, string role)
        {
            if ((uint)q >= (uint)NumQubits)
            {
                throw new ArgumentOutOfRangeException(nameof(op), $"{op.Kind}: {role} qubit {q} is outside the register 0..{NumQubits - 1}.");
            }
        }

        Check(op.Qubit0, "first");
        if (op.Arity == 2)
        {
            Check(op.Qubit1, "second");
            if (op.Qubit0 == op.Qubit1)
            {
                throw new ArgumentException($"{op.Kind} needs two different qubits, got {op.Qubit0} twice.", nameof(op));
            }
        }

        if (op.Kind is GateKind.Unitary1 or GateKind.Unitary2)
        {
            var dim = op.Kind == GateKind.Unitary1 ? 2 : 4;
            if (op.Matrix is null || op.Matrix.Dimension != dim)
            {
                throw new ArgumentException($"{op.Kind} needs a {dim}×{dim} matrix.", nameof(op));
            }

            var error = op.Matrix.UnitarityError();
            if (error > 1e-8)
            {
                throw new ArgumentException($"{op.Kind}: the matrix is not unitary (|U†U − I| = {error:E2}); check its entries.", nameof(op));
            }
        }
    }
}
