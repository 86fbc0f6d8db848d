namespace NasPlatform.Quantum.Chemistry.Ansatz;

/// <summary>
/// A particle-number and S_z preserving excitation from the Hartree–Fock determinant: electrons leave the
/// occupied spin orbitals <see cref="From"/> for the virtual ones <see cref="To"/> (block order: alpha
/// orbital p is mode p, beta orbital p is mode n + p). T = a†_To… a_From…, generator T − T†.
/// </summary>
/// <param name="From">Occupied modes emptied (1 for a single, 2 for a double), ascending.</param>
/// <param name="To">Virtual modes filled, ascending, same spins as <paramref name="From"/>.</param>
public sealed record Excitation(IReadOnlyList<int> From, IReadOnlyList<int> To)
{
    /// <summary>True for a double excitation.</summary>
    public bool IsDouble => From.Count == 2;

    /// <summary>All modes it touches.</summary>
    public IEnumerable<int> Modes => From.Concat(To);

    /// <summary>"0,5->2,7".</summary>
    public override string ToString() => $"{string.Join(',', From)}->{string.Join(',', To)}";

    /// <summary>Structural equality on the mode lists.</summary>
    public bool Equals(Excitation? other) =>
        other is not null && From.SequenceEqual(other.From) && To.SequenceEqual(other.To);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(string.Join(',', From), string.Join(',', To));
}
