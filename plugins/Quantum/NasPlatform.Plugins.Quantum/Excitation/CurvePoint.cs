namespace NasPlatform.Plugins.Quantum.Excitation;

/// <summary>One bond length of a <see cref="DissociationCurve"/>; energies in hartree.</summary>
/// <param name="BondLength">Angstrom.</param>
/// <param name="HartreeFock">The Hartree–Fock determinant's energy (psi4's SCF energy).</param>
/// <param name="Fci">The exact energy of the molecule's electron sector in the active space (psi4's FCI).</param>
/// <param name="Vqe">The energy of the circuit found with transfer.</param>
/// <param name="Error">Vqe − Fci.</param>
/// <param name="Cnots">CNOTs of that circuit (with the Hartree–Fock preparation, which has none).</param>
/// <param name="Operators">Its pool operators in circuit order.</param>
/// <param name="Evaluations">Evaluations the search with transfer spent here.</param>
/// <param name="Transferred">Whether the search started from the previous bond length's circuit (false at the first).</param>
/// <param name="ScratchError">The energy error of the search from scratch.</param>
/// <param name="ScratchCnots">Its circuit's CNOTs.</param>
/// <param name="ScratchEvaluations">Its evaluations.</param>
/// <param name="Seconds">Wall time of this bond length (psi4 when not cached, both searches).</param>
public sealed record CurvePoint(
    double BondLength, double HartreeFock, double Fci, double Vqe, double Error, int Cnots, IReadOnlyList<string> Operators,
    int Evaluations, bool Transferred, double ScratchError, int ScratchCnots, int ScratchEvaluations, double Seconds)
{
    /// <summary>Evaluations transfer saved against the search from scratch (negative when it cost more).</summary>
    public int EvaluationsSaved => ScratchEvaluations - Evaluations;
}
