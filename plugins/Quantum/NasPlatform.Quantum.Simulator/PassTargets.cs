using System.Numerics;
using NasPlatform.Quantum.Simulator.Kernels;

namespace NasPlatform.Quantum.Simulator;

/// <summary>
/// A state a fused plan runs on, whatever its precision: the plan builds each pass's matrix in double and
/// hands it here. Implemented by struct wrappers so that generic callers are specialized, not dispatched.
/// </summary>
internal interface IPassTarget
{
    void Apply1(int qubit, ReadOnlySpan<Complex> matrix);

    void ApplyControlled1(int control, int target, ReadOnlySpan<Complex> matrix);

    void Apply2(int qubit0, int qubit1, ReadOnlySpan<Complex> matrix);

    /// <summary>A real 2×2 matrix (imaginary parts 0) on <paramref name="qubit"/>, on half the multiplications where the kernel allows.</summary>
    void ApplyReal1(int qubit, ReadOnlySpan<Complex> matrix);

    /// <summary>Multiplies the amplitudes where both qubits are 1 by <paramref name="phase"/> (a controlled diag(1, phase)).</summary>
    void ApplyPhase11(int qubitA, int qubitB, Complex phase);

    /// <summary>A dense 2^k × 2^k matrix on index bits (bits[0] the matrix index's high bit), k ≤ <see cref="Kernels.DenseKernel.MaxQubits"/>.</summary>
    void ApplyDense(ReadOnlySpan<int> bits, ReadOnlySpan<Complex> matrix);
}

/// <summary>A complex128 state as a pass target.</summary>
internal readonly struct DoubleTarget(StateVector state) : IPassTarget
{
    public void Apply1(int qubit, ReadOnlySpan<Complex> matrix) => state.Apply1(qubit, matrix);

    public void ApplyControlled1(int control, int target, ReadOnlySpan<Complex> matrix) => state.ApplyControlled1(control, target, matrix);

    public void Apply2(int qubit0, int qubit1, ReadOnlySpan<Complex> matrix) => state.Apply2(qubit0, qubit1, matrix);

    public void ApplyReal1(int qubit, ReadOnlySpan<Complex> matrix)
    {
        if ((state.MaxDegreeOfParallelism > 1 && state.NumQubits >= StateVector.ParallelMinQubits)
            || !CacheKernels.TryReal1(state.Re, state.Im, state.NumQubits, state.BitOf(qubit), matrix))
        {
            state.Apply1(qubit, matrix);
        }
    }

    public void ApplyPhase11(int qubitA, int qubitB, Complex phase) =>
        CacheKernels.Phase11(state.Re, state.Im, state.NumQubits, state.BitOf(qubitA), state.BitOf(qubitB), phase);

    public void ApplyDense(ReadOnlySpan<int> bits, ReadOnlySpan<Complex> matrix) => DenseKernel.Run(state.Re, state.Im, state.NumQubits, bits, matrix);
}

/// <summary>A complex64 state as a pass target.</summary>
internal readonly struct SingleTarget(StateVectorSingle state) : IPassTarget
{
    public void Apply1(int qubit, ReadOnlySpan<Complex> matrix) => state.Apply1(qubit, matrix);

    public void ApplyControlled1(int control, int target, ReadOnlySpan<Complex> matrix) => state.ApplyControlled1(control, target, matrix);

    public void Apply2(int qubit0, int qubit1, ReadOnlySpan<Complex> matrix) => state.Apply2(qubit0, qubit1, matrix);

    public void ApplyReal1(int qubit, ReadOnlySpan<Complex> matrix)
    {
        if (!CacheKernels.TryReal1(state.Re, state.Im, state.NumQubits, state.NumQubits - 1 - qubit, matrix))
        {
            state.Apply1(qubit, matrix);
        }
    }

    public void ApplyPhase11(int qubitA, int qubitB, Complex phase) =>
        CacheKernels.Phase11(state.Re, state.Im, state.NumQubits, state.NumQubits - 1 - qubitA, state.NumQubits - 1 - qubitB, phase);

    public void ApplyDense(ReadOnlySpan<int> bits, ReadOnlySpan<Complex> matrix) => DenseKernel.Run(state.Re, state.Im, state.NumQubits, bits, matrix);
}
