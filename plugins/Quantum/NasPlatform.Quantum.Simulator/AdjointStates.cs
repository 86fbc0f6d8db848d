using System.Numerics;

namespace NasPlatform.Quantum.Simulator;

/// <summary>
/// The two states of an adjoint sweep, |ψ⟩ and |λ⟩, in one precision: the forward pass and each backward step.
/// The sweep (<see cref="AdjointGradient"/>) decides what to do per gate and builds the matrices in double; an
/// implementation only runs passes, so the bookkeeping is written once for both precisions.
/// </summary>
internal interface IAdjointStates
{
    int NumQubits { get; }

    /// <summary>Whether <see cref="RunDiagonal"/> is available (a run of diagonal gates in one pass).</summary>
    bool HasDiagonalLayer { get; }

    /// <summary>|ψ⟩ = plan|start⟩ (start |0…0⟩ when null), |λ⟩ = H|ψ⟩; returns E = ⟨ψ|H|ψ⟩.</summary>
    double Forward(FusedCircuit plan, ReadOnlySpan<double> parameters, PauliSum observable, StateVector? initialState);

    /// <summary>Index bit of a qubit.</summary>
    int BitOf(int qubit);

    /// <summary>Im⟨λ|G|ψ⟩ for a (controlled) one-qubit generator on index bits, then U† on both states.</summary>
    double Step(int targetBit, int controlBit, ReadOnlySpan<Complex> inverse, ReadOnlySpan<Complex> generator);

    /// <summary>⟨λ|G|ψ⟩ for a 4×4 generator over |q0 q1⟩.</summary>
    Complex Element2(int qubit0, int qubit1, ReadOnlySpan<Complex> generator);

    void Undo1(int qubit, ReadOnlySpan<Complex> inverse);

    void UndoControlled1(int control, int target, ReadOnlySpan<Complex> inverse);

    void Undo2(int qubit0, int qubit1, ReadOnlySpan<Complex> inverse);

    /// <summary>Undoes a run of one-qubit diagonal gates and writes each gate's 2·Im⟨λ|G|ψ⟩ (see <c>DiagonalLayerKernel</c>).</summary>
    void RunDiagonal(ReadOnlySpan<int> bits, ReadOnlySpan<Complex> undo, ReadOnlySpan<double> generator, Span<double> derivatives);
}
