namespace NasPlatform.Plugins.Quantum.Spaces;

/// <summary>One layer of a layer-wise circuit: a rotation (or "none") per qubit, then an entangler pattern.</summary>
/// <param name="Rotations">Per qubit: "none", "rx", "ry" or "rz".</param>
/// <param name="Entangler">"none", "cnot" or "cz", applied along the architecture's edges in order.</param>
public sealed record LayerwiseLayer(IReadOnlyList<string> Rotations, string Entangler);
