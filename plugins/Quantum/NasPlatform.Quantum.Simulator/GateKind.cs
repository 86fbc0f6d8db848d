namespace NasPlatform.Quantum.Simulator;

/// <summary>The gates the simulator knows. Names follow OpenQASM 2.0 / qelib1.inc where one exists.</summary>
public enum GateKind
{
    I,
    X,
    Y,
    Z,
    H,
    S,
    Sdg,
    T,
    Tdg,
    SX,
    /// <summary>exp(-i θ X / 2).</summary>
    RX,
    /// <summary>exp(-i θ Y / 2).</summary>
    RY,
    /// <summary>exp(-i θ Z / 2).</summary>
    RZ,
    /// <summary>Phase gate diag(1, e^{iλ}) (qelib1 <c>p</c>, formerly <c>u1</c>).</summary>
    P,
    /// <summary>U3(θ, φ, λ) as in qelib1.inc: RZ(φ) RY(θ) RZ(λ) times e^{i(φ+λ)/2}.</summary>
    U3,
    /// <summary>Controlled X; the first qubit is the control.</summary>
    CNOT,
    CZ,
    SWAP,
    /// <summary>Controlled RX; the first qubit is the control.</summary>
    CRX,
    CRY,
    CRZ,
    /// <summary>exp(-i θ X⊗X / 2).</summary>
    RXX,
    /// <summary>exp(-i θ Y⊗Y / 2).</summary>
    RYY,
    /// <summary>exp(-i θ Z⊗Z / 2).</summary>
    RZZ,
    /// <summary>Any 2×2 unitary given as a matrix.</summary>
    Unitary1,
    /// <summary>Any 4×4 unitary given as a matrix over |q0 q1⟩ (first qubit is the high bit).</summary>
    Unitary2,
}
