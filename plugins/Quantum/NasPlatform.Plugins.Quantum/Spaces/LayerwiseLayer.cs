namespace NasPlatform.Plugins.Quantum.Spaces;

/// <summary>One layer of a layer-wise circuit: a rotation (or "none") per qubit, then an entangler pattern.</summary>
/// <param name="Rotations">Per qubit: "none", "rx", "ry" or "rz".</param>
/// <param name="Entangler">"none", "cnot", "cz", "rzz", "rxx" or "ryy", applied along the architecture's edges in order.</param>
/// <param name="Shared">
/// True for a shared-parameter (Hamiltonian-variational) layer: all its rotations of one kind share one angle,
/// and all its parameterized entanglers share one angle, so an rx layer is exp(−iβ Σ X/2) and an rzz layer
/// exp(−iγ Σ Z⊗Z/2). False: every parameterized gate has an angle of its own.
/// </param>
public sealed record LayerwiseLayer(IReadOnlyList<string> Rotations, string Entangler, bool Shared = false);
