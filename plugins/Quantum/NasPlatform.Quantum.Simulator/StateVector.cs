using System.Globalization;
using System.Numerics;
using System.Runtime.Intrinsics;
using NasPlatform.Quantum.Simulator.Kernels;

namespace NasPlatform.Quantum.Simulator;

/// <summary>
/// An n-qubit state in complex128, stored as split real and imaginary arrays (so a SIMD vector holds four
/// amplitudes of one kind).
/// <para>
/// Qubit ordering: qubit 0 is the leftmost character of a basis string and the most significant bit of the
/// amplitude index (big-endian, as in textbooks and Cirq; Qiskit is the reverse). |1100⟩ has qubits 0 and 1
/// set and index 12. Pauli strings ("ZZII"), two-qubit gate matrices (first qubit = high bit) and OpenQASM
/// register indices q[k] all use the same numbering.
/// </para>
/// </summary>
public sealed partial class StateVector
{
    public const int MaxQubits = 30;

    private readonly Complex[] _parallelMatrix = new Complex[16];
    private int _threads = 1;

    public StateVector(int numQubits)
    {
        if (numQubits is < 1 or > MaxQubits)
        {
            throw new ArgumentOutOfRangeException(nameof(numQubits), numQubits, $"A state needs 1 to {MaxQubits} qubits.");
        }

        NumQubits = numQubits;
        Length = 1 << numQubits;
        Re = StateMemory.Allocate<double>(Length);
        Im = StateMemory.Allocate<double>(Length, Re);
        Re[0] = 1.0;
    }

    /// <summary>Register size from which gates use <see cref="MaxDegreeOfParallelism"/> threads.</summary>
    public const int ParallelMinQubits = 18;

    public int NumQubits { get; }

    /// <summary>
    /// Threads per gate pass for registers of at least <see cref="ParallelMinQubits"/> qubits (default 1).
    /// Where memory bandwidth is the limit, parallelizing across circuits usually pays more.
    /// </summary>
    public int MaxDegreeOfParallelism
    {
        get => _threads;
        set => _threads = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Use at least one thread.");
    }

    /// <summary>Number of amplitudes, 2^n.</summary>
    public int Length { get; }

    /// <summary>Real parts of the amplitudes; index bit (n−1−q) is qubit q.</summary>
    public double[] Re { get; }

    /// <summary>Imaginary parts of the amplitudes.</summary>
    public double[] Im { get; }

    /// <summary>Index bit holding qubit <paramref name="qubit"/>.</summary>
    public int BitOf(int qubit)
    {
        if ((uint)qubit >= (uint)NumQubits)
        {
            throw new ArgumentOutOfRangeException(nameof(qubit), qubit, $"The state has qubits 0..{NumQubits - 1}.");
        }

        return NumQubits - 1 - qubit;
    }

    public Complex this[int index]
    {
        get => new(Re[index], Im[index]);
        set
        {
            Re[index] = value.Real;
            Im[index] = value.Imaginary;
        }
    }

    public void SetBasisState(int index)
    {
        if ((uint)index >= (uint)Length)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"A {NumQubits}-qubit state has indices 0..{Length - 1}.");
        }

        Array.Clear(Re);
        Array.Clear(Im);
        Re[index] = 1.0;
    }

    public void Reset() => SetBasisState(0);

    public void CopyFrom(StateVector other)
    {
        RequireSameSize(other);
        other.Re.AsSpan().CopyTo(Re);
        other.Im.AsSpan().CopyTo(Im);
    }

    public StateVector Clone()
    {
        var copy = new StateVector(NumQubits);
        copy.CopyFrom(this);
        return copy;
    }

    public double NormSquared() => InnerProduct(this).Real;

    public void Scale(double factor)
    {
        for (var i = 0; i < Length; i++)
        {
            Re[i] *= factor;
            Im[i] *= factor;
        }
    }

    public void Normalize()
    {
        var norm = Math.Sqrt(NormSquared());
        if (norm == 0.0)
        {
            throw new InvalidOperationException("Cannot normalize the zero vector.");
        }

        Scale(1.0 / norm);
    }

    /// <summary>⟨this|other⟩.</summary>
    public Complex InnerProduct(StateVector other)
    {
        RequireSameSize(other);
        var (ar, ai, br, bi) = (Re, Im, other.Re, other.Im);
        double re = 0, im = 0;
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var accR = Vector256<double>.Zero;
            var accI = Vector256<double>.Zero;
            for (; i + 4 <= Length; i += 4)
            {
                var xr = Simd.Load(ar, i);
                var xi = Simd.Load(ai, i);
                var yr = Simd.Load(br, i);
                var yi = Simd.Load(bi, i);
                accR = Simd.MulAdd(xi, yi, Simd.MulAdd(xr, yr, accR));
                accI = Simd.NegMulAdd(xi, yr, Simd.MulAdd(xr, yi, accI));
            }

            re = Vector256.Sum(accR);
            im = Vector256.Sum(accI);
        }

        for (; i < Length; i++)
        {
            re += ar[i] * br[i] + ai[i] * bi[i];
            im += ar[i] * bi[i] - ai[i] * br[i];
        }

        return new Complex(re, im);
    }

    /// <summary>|⟨this|other⟩|².</summary>
    public double Fidelity(StateVector other)
    {
        var overlap = Complex.Abs(InnerProduct(other));
        return overlap * overlap;
    }

    /// <summary>Applies a 2×2 matrix to <paramref name="qubit"/>.</summary>
    public void Apply1(int qubit, ReadOnlySpan<Complex> matrix)
    {
        RequireLength(matrix, 4);
        Run1(BitOf(qubit), -1, matrix);
    }

    /// <summary>Applies a 2×2 matrix to <paramref name="target"/> where <paramref name="control"/> is 1.</summary>
    public void ApplyControlled1(int control, int target, ReadOnlySpan<Complex> matrix)
    {
        RequireLength(matrix, 4);
        RequireDistinct(control, target);
        Run1(BitOf(target), BitOf(control), matrix);
    }

    /// <summary>Applies a 4×4 matrix over |q0 q1⟩ (q0 the high bit of the matrix index).</summary>
    public void Apply2(int qubit0, int qubit1, ReadOnlySpan<Complex> matrix)
    {
        RequireLength(matrix, 16);
        RequireDistinct(qubit0, qubit1);
        var (high, low) = (BitOf(qubit0), BitOf(qubit1));
        if (!UseThreads)
        {
            var sink = new StoreSink(Re, Im);
            TwoQubitKernel.Run(Re, Im, NumQubits, high, low, matrix, ref sink);
            return;
        }

        matrix[..16].CopyTo(_parallelMatrix);
        Parallel.For(0, _threads, new ParallelOptions { MaxDegreeOfParallelism = _threads }, part =>
        {
            var sink = new StoreSink(Re, Im);
            TwoQubitKernel.Run(Re, Im, NumQubits, high, low, _parallelMatrix, ref sink, new Slice(part, _threads));
        });
    }

    private bool UseThreads => _threads > 1 && NumQubits >= ParallelMinQubits;

    private void Run1(int targetBit, int controlBit, ReadOnlySpan<Complex> matrix)
    {
        if (!UseThreads)
        {
            var sink = new StoreSink(Re, Im);
            OneQubitKernel.Run(Re, Im, NumQubits, targetBit, controlBit, matrix, 1.0, ref sink);
            return;
        }

        matrix[..4].CopyTo(_parallelMatrix);
        Parallel.For(0, _threads, new ParallelOptions { MaxDegreeOfParallelism = _threads }, part =>
        {
            var sink = new StoreSink(Re, Im);
            OneQubitKernel.Run(Re, Im, NumQubits, targetBit, controlBit, _parallelMatrix.AsSpan(0, 4), 1.0, ref sink, new Slice(part, _threads));
        });
    }

    /// <summary>Applies one named gate with the given angles (radians).</summary>
    public void ApplyGate(GateKind kind, int qubit0, int qubit1 = -1, params double[] angles)
    {
        var op = Circuit.MakeOp(kind, qubit0, qubit1, angles.Select(Angle.Constant).ToArray(), null);
        ApplyOp(op, ReadOnlySpan<double>.Empty);
    }

    /// <summary>Applies one gate operation, resolving its angles against <paramref name="parameters"/>.</summary>
    public void ApplyOp(GateOp op, ReadOnlySpan<double> parameters)
    {
        Span<Complex> m = stackalloc Complex[16];
        if (op.Arity == 1)
        {
            Gates.Matrix(op, parameters, m);
            Apply1(op.Qubit0, m[..4]);
        }
        else if (Gates.ControlledTarget(op.Kind) is { } target)
        {
            Span<double> angles = stackalloc double[3];
            op.ResolveAngles(parameters, angles);
            Gates.Matrix1(target, angles, m);
            ApplyControlled1(op.Qubit0, op.Qubit1, m[..4]);
        }
        else
        {
            Gates.Matrix(op, parameters, m);
            Apply2(op.Qubit0, op.Qubit1, m);
        }
    }

    /// <summary>⟨bra|M_qubit|this⟩ for a 2×2 matrix M on one qubit, optionally restricted to control = 1.</summary>
    internal Complex MatrixElement1(StateVector bra, int target, int control, ReadOnlySpan<Complex> matrix)
    {
        RequireSameSize(bra);
        var sink = new BraSink(bra.Re, bra.Im);
        OneQubitKernel.Run(Re, Im, NumQubits, BitOf(target), control < 0 ? -1 : BitOf(control), matrix, 0.0, ref sink);
        return sink.Result;
    }

    /// <summary>⟨bra|M|this⟩ for a 4×4 matrix M over |q0 q1⟩.</summary>
    internal Complex MatrixElement2(StateVector bra, int qubit0, int qubit1, ReadOnlySpan<Complex> matrix)
    {
        RequireSameSize(bra);
        var sink = new BraSink(bra.Re, bra.Im);
        TwoQubitKernel.Run(Re, Im, NumQubits, BitOf(qubit0), BitOf(qubit1), matrix, ref sink);
        return sink.Result;
    }

    public override string ToString()
    {
        var parts = new List<string>();
        for (var i = 0; i < Length && parts.Count < 16; i++)
        {
            if (Probability(i) > 1e-12)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"({Re[i]:G6}{Im[i]:+0.######;-0.######}i)|{FormatBasis(i)}⟩"));
            }
        }

        return string.Join(" + ", parts);
    }

    internal void RequireSameSize(StateVector other)
    {
        if (other.NumQubits != NumQubits)
        {
            throw new ArgumentException($"States differ in size: {NumQubits} and {other.NumQubits} qubits.");
        }
    }

    private static void RequireLength(ReadOnlySpan<Complex> matrix, int length)
    {
        if (matrix.Length < length)
        {
            throw new ArgumentException($"The gate matrix needs {length} entries (row-major), got {matrix.Length}.");
        }
    }

    private static void RequireDistinct(int a, int b)
    {
        if (a == b)
        {
            throw new ArgumentException($"A two-qubit gate needs two different qubits, got {a} twice.");
        }
    }
}
