namespace NasPlatform.Plugins.Quantum.Spaces;

/// <summary>One layer of a layer-wise circuit: a rotation (or "none") per qubit, then an entangler pattern.</summary>
/// <param name="Rotations">Per qubit: "none", "rx", "ry" or "rz".</param>
/// <param name="Entangler">"none", "cnot", "cz", "rzz", "rxx", "ryy", "xy" or "exchange", applied along the layer's <paramref name="Bonds"/> in order.</param>
/// <param name="Shared">
/// True for a shared-parameter (Hamiltonian-variational) layer: all its rotations of one kind share one angle,
/// and all its parameterized entanglers share one angle, so an rx layer is exp(−iβ Σ X/2) and an rzz layer
/// exp(−iγ Σ Z⊗Z/2). False: every parameterized gate has an angle of its own.
/// </param>
/// <param name="Bonds">
/// Which of the architecture's edges the entangler acts on: "all" (every edge, in order), "even" (the edges at
/// even positions of the edge order: (0,1), (2,3), … on a line or ring) or "odd" ((1,2), (3,4), …, and a ring's
/// closing (n−1,0)). An even layer followed by an odd one is a brick-wall layer pair.
/// </param>
public sealed record LayerwiseLayer(IReadOnlyList<string> Rotations, string Entangler, bool Shared = false, string Bonds = LayerwiseLayer.AllBonds)
{
    /// <summary>Every edge: the default, written nowhere in the candidate.</summary>
    public const string AllBonds = "all";

    /// <summary>The edges at even positions of the edge order.</summary>
    public const string EvenBonds = "even";

    /// <summary>The edges at odd positions of the edge order.</summary>
    public const string OddBonds = "odd";

    /// <summary>The bond patterns, the default first.</summary>
    public static readonly IReadOnlyList<string> BondPatterns = [AllBonds, EvenBonds, OddBonds];

    /// <summary>The edges of <paramref name="edges"/> the entangler acts on, in order.</summary>
    public IEnumerable<T> EdgesOf<T>(IReadOnlyList<T> edges) => Bonds switch
    {
        EvenBonds => edges.Where((_, i) => i % 2 == 0),
        OddBonds => edges.Where((_, i) => i % 2 == 1),
        _ => edges,
    };
}
