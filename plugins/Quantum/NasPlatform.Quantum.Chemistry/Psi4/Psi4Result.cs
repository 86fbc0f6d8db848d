namespace NasPlatform.Quantum.Chemistry.Psi4;

/// <summary>What one psi4 run produced, and how (the provenance recorded beside the cached FCIDUMP).</summary>
/// <param name="FcidumpPath">The FCIDUMP of all orbitals.</param>
/// <param name="ScfEnergy">psi4's RHF energy (hartree).</param>
/// <param name="FciEnergy">psi4's FCI energy in the requested frozen core and active space, when computed.</param>
/// <param name="FciFrozenCore">The frozen core psi4's FCI used.</param>
/// <param name="FciActiveOrbitals">The active orbitals psi4's FCI used.</param>
/// <param name="NuclearRepulsion">Nuclear repulsion energy (hartree).</param>
/// <param name="NumOrbitals">Molecular orbitals.</param>
/// <param name="Psi4Version">psi4's version string ("1.3.2").</param>
/// <param name="InputText">The psi4 input that was run.</param>
/// <param name="InputHash">SHA-256 of the input (hex), the cache key.</param>
/// <param name="CreatedUtc">When psi4 ran (ISO 8601, UTC).</param>
/// <param name="Seconds">psi4's wall time.</param>
/// <param name="Executable">The psi4 that ran.</param>
/// <param name="FromCache">True when this call read an earlier run from the cache.</param>
public sealed record Psi4Result(
    string FcidumpPath, double ScfEnergy, double? FciEnergy, int? FciFrozenCore, int? FciActiveOrbitals,
    double NuclearRepulsion, int NumOrbitals, string Psi4Version, string InputText, string InputHash,
    string CreatedUtc, double Seconds, string Executable, bool FromCache);
