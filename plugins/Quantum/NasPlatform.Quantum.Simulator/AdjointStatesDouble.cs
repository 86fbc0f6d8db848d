using System.Numerics;
using NasPlatform.Quantum.Simulator.Kernels;

namespace NasPlatform.Quantum.Simulator;

/// <summary>|ψ⟩ and |λ⟩ in complex128, with the fused one-pass kernels of <see cref="AdjointStepKernel"/>.</summary>
internal sealed class AdjointStatesDouble(int numQubits) : IAdjointStates
{
    private readonly StateVector _psi = new(numQubits);
    private readonly StateVector _lambda = new(numQubits);
    private readonly DiagonalLayerKernel? _diagonalLayer = Simd.Usable(numQubits) ? new DiagonalLayerKernel(numQubits) : null;

    public int NumQubits => _psi.NumQubits;

    public bool HasDiagonalLayer => _diagonalLayer is not null;

    public double Forward(FusedCircuit plan, ReadOnlySpan<double> parameters, PauliSum observable, StateVector? initialState)
    {
        if (initialState is null)
        {
            _psi.Reset();
        }
        else
        {
            _psi.CopyFrom(initialState);
        }

        plan.Apply(_psi, parameters);
        observable.Apply(_psi, _lambda);
        return _psi.InnerProduct(_lambda).Real;
    }

    public int BitOf(int qubit) => _psi.BitOf(qubit);

    public double Step(int targetBit, int controlBit, ReadOnlySpan<Complex> inverse, ReadOnlySpan<Complex> generator) =>
        AdjointStepKernel.Run(_psi, _lambda, targetBit, controlBit, inverse, generator);

    public Complex Element2(int qubit0, int qubit1, ReadOnlySpan<Complex> generator) =>
        _psi.MatrixElement2(_lambda, qubit0, qubit1, generator);

    public void Undo1(int qubit, ReadOnlySpan<Complex> inverse)
    {
        _psi.Apply1(qubit, inverse);
        _lambda.Apply1(qubit, inverse);
    }

    public void UndoControlled1(int control, int target, ReadOnlySpan<Complex> inverse)
    {
        _psi.ApplyControlled1(control, target, inverse);
        _lambda.ApplyControlled1(control, target, inverse);
    }

    public void Undo2(int qubit0, int qubit1, ReadOnlySpan<Complex> inverse)
    {
        _psi.Apply2(qubit0, qubit1, inverse);
        _lambda.Apply2(qubit0, qubit1, inverse);
    }

    public void RunDiagonal(ReadOnlySpan<int> bits, ReadOnlySpan<Complex> undo, ReadOnlySpan<double> generator, Span<double> derivatives) =>
        _diagonalLayer!.Run(_psi, _lambda, bits, undo, generator, derivatives);
}
