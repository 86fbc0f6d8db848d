using System.Numerics;
using NasPlatform.Quantum.Simulator.Kernels;

namespace NasPlatform.Quantum.Simulator;

/// <summary>
/// |ψ⟩ and |λ⟩ in complex64: half the memory and bytes per pass of <see cref="AdjointStatesDouble"/>. Every
/// ⟨λ|G|ψ⟩ and the energy are summed in double; the states themselves carry about 1e-7 relative rounding per
/// pass, forward and backward. A run of one-qubit diagonal gates is undone and differentiated in one pass (<see cref="DiagonalLayerKernel"/>).
/// </summary>
internal sealed class AdjointStatesSingle(int numQubits) : IAdjointStates
{
    private readonly StateVectorSingle _psi = new(numQubits);
    private readonly StateVectorSingle _lambda = new(numQubits);

    public int NumQubits => _psi.NumQubits;

    private readonly DiagonalLayerKernel? _diagonalLayer = SimdSingle.Usable(numQubits) ? new DiagonalLayerKernel(numQubits) : null;

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
        double energy = 0;
        for (var i = 0; i < _psi.Length; i++)
        {
            energy += ((double)_psi.Re[i] * _lambda.Re[i]) + ((double)_psi.Im[i] * _lambda.Im[i]);
        }

        return energy;
    }

    public int BitOf(int qubit) => NumQubits - 1 - qubit;

    public double Step(int targetBit, int controlBit, ReadOnlySpan<Complex> inverse, ReadOnlySpan<Complex> generator) =>
        AdjointStepKernelSingle.Run(_psi, _lambda, targetBit, controlBit, inverse, generator);

    public Complex Element2(int qubit0, int qubit1, ReadOnlySpan<Complex> generator)
    {
        var (hb, lb) = (1 << BitOf(qubit0), 1 << BitOf(qubit1));
        Span<int> index = stackalloc int[4];
        Span<Complex> x = stackalloc Complex[4];
        var sum = Complex.Zero;
        for (var a = 0; a < _psi.Length; a++)
        {
            if ((a & (hb | lb)) != 0)
            {
                continue;
            }

            (index[0], index[1], index[2], index[3]) = (a, a | lb, a | hb, a | hb | lb);
            for (var k = 0; k < 4; k++)
            {
                x[k] = _psi[index[k]];
            }

            for (var r = 0; r < 4; r++)
            {
                var y = generator[4 * r] * x[0] + generator[4 * r + 1] * x[1] + generator[4 * r + 2] * x[2] + generator[4 * r + 3] * x[3];
                sum += Complex.Conjugate(_lambda[index[r]]) * y;
            }
        }

        return sum;
    }

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
