using System.Numerics;
using NasPlatform.Quantum.Simulator.Kernels;

namespace NasPlatform.Quantum.Simulator;

/// <summary>
/// An n-qubit state in complex64 (split single-precision real and imaginary arrays): half the memory and half
/// the bytes per gate pass of <see cref="StateVector"/>, with about 1e-7 relative rounding per gate. Same qubit
/// ordering (qubit 0 = most significant index bit). Gate matrices are built in double and rounded once per
/// pass; inner products and expectations accumulate in double. Lanczos and exact references stay double.
/// </summary>
public sealed class StateVectorSingle
{
    public StateVectorSingle(int numQubits)
    {
        if (numQubits is < 1 or > StateVector.MaxQubits)
        {
            throw new ArgumentOutOfRangeException(nameof(numQubits), numQubits, $"A state needs 1 to {StateVector.MaxQubits} qubits.");
        }

        NumQubits = numQubits;
        Length = 1 << numQubits;
        Re = StateMemory.Allocate<float>(Length);
        Im = StateMemory.Allocate<float>(Length, Re);
        Re[0] = 1f;
    }

    public int NumQubits { get; }

    /// <summary>Number of amplitudes, 2^n.</summary>
    public int Length { get; }

    /// <summary>Real parts of the amplitudes; index bit (n−1−q) is qubit q.</summary>
    public float[] Re { get; }

    /// <summary>Imaginary parts of the amplitudes.</summary>
    public float[] Im { get; }

    public Complex this[int index] => new(Re[index], Im[index]);

    public void SetBasisState(int index)
    {
        if ((uint)index >= (uint)Length)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"A {NumQubits}-qubit state has indices 0..{Length - 1}.");
        }

        Array.Clear(Re);
        Array.Clear(Im);
        Re[index] = 1f;
    }

    public void Reset() => SetBasisState(0);

    /// <summary>This state rounded from a complex128 one (e.g. a Hartree–Fock start state).</summary>
    public void CopyFrom(StateVector other)
    {
        ArgumentNullException.ThrowIfNull(other);
        RequireSize(other.NumQubits);
        for (var i = 0; i < Length; i++)
        {
            Re[i] = (float)other.Re[i];
            Im[i] = (float)other.Im[i];
        }
    }

    /// <summary>The same amplitudes widened to complex128 (exactly: every float is a double).</summary>
    public StateVector ToDouble()
    {
        var wide = new StateVector(NumQubits);
        for (var i = 0; i < Length; i++)
        {
            wide.Re[i] = Re[i];
            wide.Im[i] = Im[i];
        }

        return wide;
    }

    /// <summary>⟨this|this⟩, summed in double.</summary>
    public double NormSquared()
    {
        double sum = 0;
        for (var i = 0; i < Length; i++)
        {
            sum += ((double)Re[i] * Re[i]) + ((double)Im[i] * Im[i]);
        }

        return sum;
    }

    /// <summary>Applies a 2×2 matrix to <paramref name="qubit"/>.</summary>
    public void Apply1(int qubit, ReadOnlySpan<Complex> matrix)
    {
        RequireLength(matrix, 4);
        OneQubitKernelSingle.Run(Re, Im, NumQubits, BitOf(qubit), -1, matrix);
    }

    /// <summary>Applies a 2×2 matrix to <paramref name="target"/> where <paramref name="control"/> is 1.</summary>
    public void ApplyControlled1(int control, int target, ReadOnlySpan<Complex> matrix)
    {
        RequireLength(matrix, 4);
        RequireDistinct(control, target);
        OneQubitKernelSingle.Run(Re, Im, NumQubits, BitOf(target), BitOf(control), matrix);
    }

    /// <summary>Applies a 4×4 matrix over |q0 q1⟩ (q0 the high bit of the matrix index).</summary>
    public void Apply2(int qubit0, int qubit1, ReadOnlySpan<Complex> matrix)
    {
        RequireLength(matrix, 16);
        RequireDistinct(qubit0, qubit1);
        TwoQubitKernelSingle.Run(Re, Im, NumQubits, BitOf(qubit0), BitOf(qubit1), matrix);
    }

    /// <summary>Applies one gate operation, resolving its angles against <paramref name="parameters"/>.</summary>
    public void ApplyOp(GateOp op, ReadOnlySpan<double> parameters)
    {
        ArgumentNullException.ThrowIfNull(op);
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

    private int BitOf(int qubit)
    {
        if ((uint)qubit >= (uint)NumQubits)
        {
            throw new ArgumentOutOfRangeException(nameof(qubit), qubit, $"The state has qubits 0..{NumQubits - 1}.");
        }

        return NumQubits - 1 - qubit;
    }

    private void RequireSize(int numQubits)
    {
        if (numQubits != NumQubits)
        {
            throw new ArgumentException($"States differ in size: {NumQubits} and {numQubits} qubits.");
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
