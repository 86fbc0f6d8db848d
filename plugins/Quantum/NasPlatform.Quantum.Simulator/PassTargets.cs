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

    /// <summary>A dense 2^k × 2^k matrix on index bits (bits[0] the matrix index's high bit), k ≤ <see cref="Kernels.DenseKernel.MaxQubits"/>.</summary>
    void ApplyDense(ReadOnlySpan<int> bits, ReadOnlySpan<Complex> matrix);
}

/// <summary>A complex128 state as a pass target.</summary>
internal readonly struct DoubleTarget(StateVector state) : IPassTarget
{
    public void Apply1(int qubit, ReadOnlySpan<Complex> matrix) => state.Apply1(qubit, matrix);

    public void ApplyControlled1(int control, int target, ReadOnlySpan<Complex> matrix) => state.ApplyControlled1(control, target, matrix);

    public void Apply2(int qubit0, int qubit1, ReadOnlySpan<Complex> matrix) => state.Apply2(qubit0, qubit1, matrix);

    public void ApplyDense(ReadOnlySpan<int> bits, ReadOnlySpan<Complex> matrix) => DenseKernel.Run(state.Re, state.Im, state.NumQubits, bits, matrix);
}

/// <summary>A complex64 state as a pass target.</summary>
internal readonly struct SingleTarget(StateVectorSingle state) : IPassTarget
{
    public void Apply1(int qubit, ReadOnlySpan<Complex> matrix) => state.Apply1(qubit, matrix);

    public void ApplyControlled1(int control, int target, ReadOnlySpan<Complex> matrix) => state.ApplyControlled1(control, target, matrix);

    public void Apply2(int qubit0, int qubit1, ReadOnlySpan<Complex> matrix) => state.Apply2(qubit0, qubit1, matrix);

    public void ApplyDense(ReadOnlySpan<int> bits, ReadOnlySpan<Complex> matrix) => DenseKernel.Run(state.Re, state.Im, state.NumQubits, bits, matrix);
}
