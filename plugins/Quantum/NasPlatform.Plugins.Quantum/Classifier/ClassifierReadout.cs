namespace NasPlatform.Plugins.Quantum.Classifier;

/// <summary>The observable whose expectation E in [−1, 1] scores a sample: class 1 has probability (1 − E)/2.</summary>
public enum ClassifierReadout
{
    /// <summary>⟨Z⟩ of qubit 0.</summary>
    Z0,

    /// <summary>⟨Z⊗Z⊗…⊗Z⟩: the parity of all qubits.</summary>
    Parity,
}
