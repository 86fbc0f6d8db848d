using NasPlatform.Quantum.Chemistry.Hamiltonian;
using NasPlatform.Quantum.Chemistry.Integrals;
using NasPlatform.Quantum.Chemistry.Mapping;
using NasPlatform.Quantum.Chemistry.Psi4;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Quantum.Chemistry.Tests.Psi4;

/// <summary>
/// The mapped Hamiltonians against psi4 itself: the Hartree–Fock determinant's energy is psi4's SCF
/// energy and the ground energy of the molecule's sector is psi4's FCI energy (same frozen core and
/// active space), to 1e-8 hartree, under every mapping, tapered or not.
/// </summary>
public class MoleculesAgainstPsi4Tests
{
    private const double Tolerance = 1e-8;

    public static TheoryData<string, FermionMappingKind, bool> Cases()
    {
        var data = new TheoryData<string, FermionMappingKind, bool>();
        foreach (var molecule in new[] { "h2", "lih", "lih-frozen-core", "h2o-active" })
        {
            foreach (var mapping in Enum.GetValues<FermionMappingKind>())
            {
                data.Add(molecule, mapping, false);
                data.Add(molecule, mapping, true);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Hartree_Fock_and_sector_ground_energies_equal_psi4s_SCF_and_FCI(string name, FermionMappingKind mapping, bool taper)
    {
        var molecule = Molecule(name);
        var psi4 = Psi4Molecules.Get(molecule);
        var integrals = ActiveSpace.Select(FcidumpReader.Read(psi4.FcidumpPath), molecule.FrozenCore, molecule.ActiveOrbitals);
        var hamiltonian = MolecularQubitHamiltonian.Build(integrals, mapping, taper);

        Assert.Equal(2 * integrals.NumOrbitals - (taper ? 2 : 0), hamiltonian.NumQubits);
        Assert.Equal(psi4.ScfEnergy, hamiltonian.HartreeFockEnergy(), Tolerance);
        Assert.Equal(psi4.ScfEnergy, integrals.HartreeFockEnergy(), Tolerance);
        Assert.NotNull(psi4.FciEnergy);
        Assert.Equal(molecule.FrozenCore, psi4.FciFrozenCore);
        Assert.Equal(psi4.FciEnergy!.Value, hamiltonian.SectorGroundState().Energy, Tolerance);
    }

    [Fact]
    public void LiH_matches_the_energies_measured_for_issue_17()
    {
        var psi4 = Psi4Molecules.Get(Psi4Molecules.LiH);
        Assert.Equal(-7.8618647698, psi4.ScfEnergy, 1e-9);
        Assert.Equal(-7.8823243789, psi4.FciEnergy!.Value, 1e-9);
        Assert.Equal(6, psi4.NumOrbitals);
        Assert.StartsWith("1.", psi4.Psi4Version, StringComparison.Ordinal);
    }

    [Fact]
    public void The_whole_register_holds_lower_states_of_other_electron_counts_than_the_sector()
    {
        // Why the sector matters: for the cation HeH+ (2 electrons), unrestricted Lanczos on the qubit
        // Hamiltonian finds a state with more electrons, below FCI; the sector restriction returns FCI.
        var psi4 = Psi4Molecules.Get(Psi4Molecules.HeHCation);
        var integrals = FcidumpReader.Read(psi4.FcidumpPath);
        var hamiltonian = MolecularQubitHamiltonian.Build(integrals, FermionMappingKind.JordanWigner, taper: false);
        var unrestricted = Lanczos.GroundState(hamiltonian.Hamiltonian, hamiltonian.NumQubits, new Random(1), 1e-10);
        var sector = hamiltonian.SectorGroundState();
        Assert.Equal(psi4.FciEnergy!.Value, sector.Energy, Tolerance);
        Assert.True(unrestricted.Energy < sector.Energy - 0.1, $"unrestricted {unrestricted.Energy}, sector {sector.Energy}");
        Assert.True(hamiltonian.Sector.WeightOutside(unrestricted.State) > 0.5);
        Assert.True(hamiltonian.Sector.WeightOutside(sector.State) < 1e-20);
    }

    [Fact]
    public void Every_mapping_gives_the_same_sector_spectrum_bottom_and_tapering_keeps_it()
    {
        var psi4 = Psi4Molecules.Get(Psi4Molecules.H2OActive);
        var integrals = ActiveSpace.Select(FcidumpReader.Read(psi4.FcidumpPath), 1, 5);
        var energies = new List<double>();
        foreach (var mapping in Enum.GetValues<FermionMappingKind>())
        {
            foreach (var taper in new[] { false, true })
            {
                var h = MolecularQubitHamiltonian.Build(integrals, mapping, taper);
                energies.Add(h.SectorGroundState().Energy);
                Assert.Equal(integrals.HartreeFockEnergy(), h.HartreeFockEnergy(), 1e-10);
            }
        }

        Assert.All(energies, e => Assert.Equal(energies[0], e, 1e-9));
    }

    [Fact]
    public void Parity_tapering_removes_the_two_spin_parity_qubits()
    {
        var psi4 = Psi4Molecules.Get(Psi4Molecules.LiHFrozenCore);
        var integrals = ActiveSpace.Select(FcidumpReader.Read(psi4.FcidumpPath), 1, 5);
        var h = MolecularQubitHamiltonian.Build(integrals, FermionMappingKind.Parity, taper: true);
        Assert.Equal([4, 9], h.Tapering!.RemovedQubits);
        Assert.Equal(8, h.NumQubits);
        // One alpha and one beta electron in 5 orbitals each: alpha orbital 0 and beta orbital 0 occupied;
        // parity bits 11111 00000 → 1111 1000 0 after removing qubits 4 and 9... (parity of modes 0..q).
        Assert.Equal("11110000", h.HartreeFockState);
        Assert.Equal(25, h.Sector.Dimension);
    }

    private static MoleculeSpec Molecule(string name) => name switch
    {
        "h2" => Psi4Molecules.H2,
        "lih" => Psi4Molecules.LiH,
        "lih-frozen-core" => Psi4Molecules.LiHFrozenCore,
        "h2o-active" => Psi4Molecules.H2OActive,
        _ => throw new ArgumentException(name),
    };
}
