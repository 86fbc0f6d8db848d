using NasPlatform.Quantum.Chemistry.Psi4;

namespace NasPlatform.Quantum.Chemistry.Tests.Psi4;

/// <summary>
/// The molecules the tests check against psi4 itself, each run once per test process into a fresh
/// temporary cache (psi4 1.3.2 takes about a second per molecule here) and shared by every test.
/// </summary>
public static class Psi4Molecules
{
    /// <summary>H2, STO-3G, 0.735 Å: 4 spin orbitals.</summary>
    public static readonly MoleculeSpec H2 = new("H 0 0 0; H 0 0 0.735", "sto-3g");

    /// <summary>LiH, STO-3G, 1.6 Å, all 6 orbitals: 12 spin orbitals (issue 17: SCF −7.8618647698, FCI −7.8823243789).</summary>
    public static readonly MoleculeSpec LiH = new("Li 0 0 0; H 0 0 1.6", "sto-3g");

    /// <summary>LiH with the Li 1s frozen: 5 active orbitals, 10 spin orbitals.</summary>
    public static readonly MoleculeSpec LiHFrozenCore = new("Li 0 0 0; H 0 0 1.6", "sto-3g", FrozenCore: 1, ActiveOrbitals: 5);

    /// <summary>H2O, STO-3G, near equilibrium, O 1s frozen and the highest virtual dropped: 5 active orbitals, 8 electrons.</summary>
    public static readonly MoleculeSpec H2OActive = new("O 0 0 0; H 0.757 0.586 0; H -0.757 0.586 0", "sto-3g", FrozenCore: 1, ActiveOrbitals: 5);

    /// <summary>HeH+, STO-3G, 0.775 Å: 2 electrons, whose qubit Hamiltonian holds lower states with 3 and 4.</summary>
    public static readonly MoleculeSpec HeHCation = new("He 0 0 0; H 0 0 0.775", "sto-3g", Charge: 1);

    private static readonly Lazy<Psi4Driver> SharedDriver = new(() => new Psi4Driver(TemporaryCache()));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<MoleculeSpec, Lazy<Psi4Result>> Results = new();

    /// <summary>The driver on the test process's cache.</summary>
    public static Psi4Driver Driver => SharedDriver.Value;

    /// <summary>psi4's result for <paramref name="molecule"/> (run once per process).</summary>
    public static Psi4Result Get(MoleculeSpec molecule) =>
        Results.GetOrAdd(molecule, m => new Lazy<Psi4Result>(() => Driver.RunAsync(m).GetAwaiter().GetResult())).Value;

    /// <summary>A fresh folder under the system temp folder.</summary>
    public static string TemporaryCache()
    {
        var folder = Path.Combine(Path.GetTempPath(), "nas-chemistry-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }
}
