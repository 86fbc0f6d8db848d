namespace NasPlatform.Quantum.Simulator;

/// <summary>Built-in Hamiltonians. Qubit 0 is the leftmost character of every dense Pauli string.</summary>
public static class Hamiltonians
{
    /// <summary>FCI energy of H2 / STO-3G at 0.735 Å, nuclear repulsion included (Hartree).</summary>
    public const double H2FciEnergy = -1.1373060283;

    /// <summary>Hartree–Fock energy of H2 / STO-3G at 0.735 Å: the energy of |1100⟩ under <see cref="H2Sto3G"/>.</summary>
    public const double H2HartreeFockEnergy = -1.11699899;

    /// <summary>Lowest eigenvalue of the 2-qubit parity form (electronic only).</summary>
    public const double H2ParityLowestEigenvalue = -1.85727503;

    /// <summary>Nuclear repulsion to add to the parity form's eigenvalues.</summary>
    public const double H2NuclearRepulsion = 0.7199689944;

    /// <summary>Hartree–Fock reference for <see cref="H2Sto3G"/>: both σ_g spin orbitals occupied.</summary>
    public const string H2HartreeFockState = "1100";

    /// <summary>H = −J Σ Z_i Z_{i+1} − h Σ X_i on a chain (periodic adds Z_{n−1} Z_0).</summary>
    public static PauliSum TransverseFieldIsing(int numQubits, double j = 1.0, double h = 1.0, bool periodic = false)
    {
        RequireChain(numQubits);
        var terms = new List<PauliTerm>();
        foreach (var (a, b) in Bonds(numQubits, periodic))
        {
            terms.Add(new PauliTerm(-j, PauliString.Single('Z', a).Times(PauliString.Single('Z', b))));
        }

        for (var q = 0; q < numQubits; q++)
        {
            terms.Add(new PauliTerm(-h, PauliString.Single('X', q)));
        }

        return new PauliSum(terms, numQubits);
    }

    /// <summary>H = Σ (Jx X_i X_{i+1} + Jy Y_i Y_{i+1} + Jz Z_i Z_{i+1}) in Pauli units; Jx = Jy = Jz = 1 is the XXX chain.</summary>
    public static PauliSum HeisenbergXxz(int numQubits, double jx = 1.0, double jy = 1.0, double jz = 1.0, bool periodic = false)
    {
        RequireChain(numQubits);
        var terms = new List<PauliTerm>();
        foreach (var (a, b) in Bonds(numQubits, periodic))
        {
            terms.Add(new PauliTerm(jx, PauliString.Single('X', a).Times(PauliString.Single('X', b))));
            terms.Add(new PauliTerm(jy, PauliString.Single('Y', a).Times(PauliString.Single('Y', b))));
            terms.Add(new PauliTerm(jz, PauliString.Single('Z', a).Times(PauliString.Single('Z', b))));
        }

        return new PauliSum(terms, numQubits);
    }

    /// <summary>
    /// H2 in STO-3G at 0.735 Å, Jordan–Wigner over interleaved spin orbitals (0 = σ_g↑, 1 = σ_g↓, 2 = σ_u↑,
    /// 3 = σ_u↓), nuclear repulsion in the constant. Ground energy <see cref="H2FciEnergy"/>.
    /// </summary>
    public static PauliSum H2Sto3G() => PauliSum.Parse(
        """
        -0.090578996 IIII
        + 0.172183940 ZIII + 0.172183940 IZII
        - 0.225753480 IIZI - 0.225753480 IIIZ
        + 0.168927537 ZZII + 0.174643421 IIZZ
        + 0.120912629 ZIZI + 0.120912629 IZIZ
        + 0.166145427 ZIIZ + 0.166145427 IZZI
        + 0.045232798 YXXY + 0.045232798 XYYX
        - 0.045232798 XXYY - 0.045232798 YYXX
        """,
        4,
        "H2 STO-3G (4 qubits)");

    /// <summary>The 2-qubit parity-reduced H2 form (electronic; add <see cref="H2NuclearRepulsion"/>).</summary>
    public static PauliSum H2Sto3GParity() => PauliSum.Parse(
        "-1.052373246 II + 0.397937425 IZ - 0.397937425 ZI - 0.011280104 ZZ + 0.180931200 XX",
        2,
        "H2 STO-3G (2-qubit parity form)");

    private static IEnumerable<(int A, int B)> Bonds(int numQubits, bool periodic)
    {
        for (var q = 0; q + 1 < numQubits; q++)
        {
            yield return (q, q + 1);
        }

        if (periodic && numQubits > 2)
        {
            yield return (numQubits - 1, 0);
        }
    }

    private static void RequireChain(int numQubits)
    {
        if (numQubits < 2 || numQubits > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(numQubits), numQubits, "A spin chain needs 2 to 64 qubits.");
        }
    }
}
