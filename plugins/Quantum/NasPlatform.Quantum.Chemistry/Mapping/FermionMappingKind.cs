namespace NasPlatform.Quantum.Chemistry.Mapping;

/// <summary>The fermion-to-qubit encodings offered; each stores a linear (mod 2) function of the occupations on each qubit.</summary>
public enum FermionMappingKind
{
    /// <summary>Qubit j holds n_j ("jordan-wigner").</summary>
    JordanWigner,

    /// <summary>Qubit j holds n_0 ⊕ … ⊕ n_j ("parity").</summary>
    Parity,

    /// <summary>Qubit j holds the parity of a Fenwick-tree range of modes ending at j ("bravyi-kitaev").</summary>
    BravyiKitaev,
}

/// <summary>Names of <see cref="FermionMappingKind"/> in experiment files.</summary>
public static class FermionMappingNames
{
    /// <summary>The names accepted, in the enum's order.</summary>
    public static IReadOnlyList<string> All { get; } = ["jordan-wigner", "parity", "bravyi-kitaev"];

    /// <summary>The file name of <paramref name="kind"/>.</summary>
    public static string Name(FermionMappingKind kind) => All[(int)kind];

    /// <summary>The kind named <paramref name="name"/>, or null.</summary>
    public static FermionMappingKind? TryParse(string? name)
    {
        var index = name is null ? -1 : All.ToList().IndexOf(name.ToLowerInvariant());
        return index < 0 ? null : (FermionMappingKind)index;
    }
}
