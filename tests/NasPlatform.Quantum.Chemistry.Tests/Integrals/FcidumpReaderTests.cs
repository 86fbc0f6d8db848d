using NasPlatform.Quantum.Chemistry.Hamiltonian;
using NasPlatform.Quantum.Chemistry.Integrals;
using NasPlatform.Quantum.Chemistry.Mapping;

namespace NasPlatform.Quantum.Chemistry.Tests.Integrals;

public class FcidumpReaderTests
{
    // H2 in STO-3G at R = 1.4 bohr, the integrals of Szabo & Ostlund (Modern Quantum Chemistry, §3.5 and
    // 4.3): h11 = −1.2528, h22 = −0.4756, (11|11) = 0.6746, (22|22) = 0.6975, (11|22) = 0.6636,
    // (12|12) = 0.1813, nuclear repulsion 1/1.4. Unique integrals only, in Molpro's layout ("/" ends the
    // namelist), with a Fortran exponent and an orbital-energy line.
    private const string H2 = """
         &FCI NORB=  2,NELEC=  2,MS2= 0,
          ORBSYM=1,5,
          ISYM=1
         /
          0.6746    1  1  1  1
          0.6636    2  2  1  1
          0.1813D+00    2  1  2  1
          0.6975    2  2  2  2
         -1.2528    1  1  0  0
         -0.4756    2  2  0  0
         -0.578     1  0  0  0
          0.714285714285714    0  0  0  0
        """;

    [Fact]
    public void Reads_a_hand_written_H2_file_with_all_symmetric_copies()
    {
        var h2 = FcidumpReader.Parse(H2, "h2.fcidump");
        Assert.Equal(2, h2.NumOrbitals);
        Assert.Equal(2, h2.NumElectrons);
        Assert.Equal(0, h2.SpinTwice);
        Assert.Equal([1, 5], h2.OrbitalSymmetries);
        Assert.Equal(1 / 1.4, h2.CoreEnergy, 1e-14);
        Assert.Equal(-1.2528, h2.OneBody(0, 0));
        Assert.Equal(0.0, h2.OneBody(0, 1));
        Assert.Equal(0.6636, h2.TwoBody(0, 0, 1, 1));
        Assert.Equal(0.6636, h2.TwoBody(1, 1, 0, 0));
        foreach (var (p, q, r, s) in new[] { (0, 1, 0, 1), (1, 0, 0, 1), (0, 1, 1, 0), (1, 0, 1, 0) })
        {
            Assert.Equal(0.1813, h2.TwoBody(p, q, r, s));
        }

        Assert.Equal(0.0, h2.TwoBody(0, 0, 0, 1));
    }

    [Theory]
    [InlineData(FermionMappingKind.JordanWigner)]
    [InlineData(FermionMappingKind.Parity)]
    [InlineData(FermionMappingKind.BravyiKitaev)]
    public void Hand_written_H2_gives_the_textbook_Hartree_Fock_and_CI_energies(FermionMappingKind mapping)
    {
        var h2 = FcidumpReader.Parse(H2, "h2.fcidump");
        var hamiltonian = MolecularQubitHamiltonian.Build(h2, mapping, taper: false);
        // E_HF = 2 h11 + (11|11) + 1/R; the singlet ground state mixes |1α1β⟩ and |2α2β⟩ through K = (12|12).
        var e1 = 2 * -1.2528 + 0.6746;
        var e2 = 2 * -0.4756 + 0.6975;
        var ground = (e1 + e2) / 2 - Math.Sqrt(Math.Pow((e1 - e2) / 2, 2) + 0.1813 * 0.1813);
        Assert.Equal(e1 + 1 / 1.4, hamiltonian.HartreeFockEnergy(), 1e-12);
        Assert.Equal(ground + 1 / 1.4, hamiltonian.SectorGroundState().Energy, 1e-10);
        // Szabo & Ostlund's correlation energy at this geometry: −0.0206 hartree.
        Assert.Equal(-0.0206, ground - e1, 4);
    }

    [Fact]
    public void Reads_psi4_and_PySCF_headers()
    {
        const string psi4 = "&FCI\nNORB=2,\nNELEC=2,\nMS2=0,\nUHF=.FALSE.,\nORBSYM=1,1,\nISYM=1,\n&END\n  1.0 1 1 1 1\n  -1.0 1 1 0 0\n  0.5 0 0 0 0\n";
        const string pyscf = " &FCI NORB=   2,NELEC= 2,MS2=0,\n  ORBSYM=1,1,\n  ISYM=1,\n &END\n  1.0 1 1 1 1\n  -1.0 1 1 0 0\n  0.5 0 0 0 0\n";
        foreach (var text in new[] { psi4, pyscf })
        {
            var read = FcidumpReader.Parse(text, "x.fcidump");
            Assert.Equal(2, read.NumOrbitals);
            Assert.Equal(0.5 + 2 * -1.0 + 1.0, read.HartreeFockEnergy(), 1e-14);
        }
    }

    [Theory]
    [InlineData("&FCI NELEC=2, &END\n", 1, "no NORB")]
    [InlineData("&FCI NORB=2,\nNELEC=2,\n", 2, "never closed")]
    [InlineData("NORB=2\n", 1, "starts with the namelist")]
    [InlineData("&FCI NORB=2, NELEC=2, ORBSYM=1, &END\n", 1, "ORBSYM has 1 entries")]
    [InlineData("&FCI NORB=2, NELEC=5, &END\n", 1, "does not fit")]
    [InlineData("&FCI NORB=2, NELEC=2, UHF=.TRUE., &END\n", 1, "unrestricted")]
    [InlineData("&FCI NORB=2, NELEC=2, &END\n 1.0 1 1 1\n", 2, "5 fields")]
    [InlineData("&FCI NORB=2, NELEC=2, &END\n 0.5 1 1 1 1\n abc 1 1 0 0\n", 3, "not a finite number")]
    [InlineData("&FCI NORB=2, NELEC=2, &END\n 0.5 1 3 1 1\n", 2, "from 0 to NORB=2")]
    [InlineData("&FCI NORB=2, NELEC=2, &END\n 0.5 1 0 1 1\n", 2, "fit no integral kind")]
    [InlineData("&FCI NORB=2, NELEC=2, &END\n 0.5 1 2 1 1\n 0.6 2 1 1 1\n", 3, "contradicts")]
    [InlineData("&FCI NORB=2, NELEC=2, &END\n 0.5 0 0 0 0\n 0.5 0 0 0 0\n", 3, "second core-energy line")]
    public void Malformed_files_name_the_file_and_line(string text, int line, string problem)
    {
        var error = Assert.Throws<FcidumpFormatException>(() => FcidumpReader.Parse(text, "bad.fcidump"));
        Assert.Equal(line, error.Line);
        Assert.StartsWith($"bad.fcidump:{line}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var error = Assert.Throws<FileNotFoundException>(() => FcidumpReader.Read("/nonexistent/h2.fcidump"));
        Assert.Contains("/nonexistent/h2.fcidump", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Active_space_checks_its_counts()
    {
        var h2 = FcidumpReader.Parse(H2, "h2.fcidump");
        Assert.Same(h2, ActiveSpace.Select(h2, 0, null));
        Assert.Equal("frozenCore", Assert.Throws<ArgumentException>(() => ActiveSpace.Select(h2, 2, null)).ParamName);
        Assert.Equal("activeOrbitals", Assert.Throws<ArgumentException>(() => ActiveSpace.Select(h2, 0, 3)).ParamName);
        // Freezing the only occupied orbital keeps the HF energy: the constant absorbs it.
        var frozen = ActiveSpace.Select(h2, 1, null);
        Assert.Equal(1, frozen.NumOrbitals);
        Assert.Equal(0, frozen.NumElectrons);
        Assert.Equal(h2.HartreeFockEnergy(), frozen.HartreeFockEnergy(), 1e-14);
    }
}
