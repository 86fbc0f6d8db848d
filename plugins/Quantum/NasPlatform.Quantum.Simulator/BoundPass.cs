using System.Numerics;

namespace NasPlatform.Quantum.Simulator;

/// <summary>How a bound pass touches the state.</summary>
internal enum PassKind
{
    /// <summary>A 2×2 matrix on <see cref="BoundPass.Qubit0"/>.</summary>
    One,

    /// <summary>A real 2×2 matrix on <see cref="BoundPass.Qubit0"/> (half the multiplications).</summary>
    OneReal,

    /// <summary>A 2×2 matrix on <see cref="BoundPass.Qubit1"/> where <see cref="BoundPass.Qubit0"/> is 1.</summary>
    Controlled,

    /// <summary>diag(1, Matrix[3]) on <see cref="BoundPass.Qubit1"/> where <see cref="BoundPass.Qubit0"/> is 1: the |11⟩ amplitudes times a phase.</summary>
    ControlledPhase,

    /// <summary>A 4×4 matrix over |q0 q1⟩.</summary>
    Two,
}

/// <summary>One pass of a fused plan with its matrix built for one parameter vector.</summary>
internal readonly record struct BoundPass(PassKind Kind, int Qubit0, int Qubit1, Complex[] Matrix);
