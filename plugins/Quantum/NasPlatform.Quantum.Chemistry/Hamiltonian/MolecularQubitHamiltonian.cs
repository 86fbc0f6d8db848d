using System.Globalization;
using NasPlatform.Quantum.Chemistry.Integrals;
using NasPlatform.Quantum.Chemistry.Mapping;
using NasPlatform.Quantum.Chemistry.Tapering;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Quantum.Chemistry.Hamiltonian;

/// <summary>
/// A molecule's Hamiltonian on qubits: the Pauli sum (total energies in hartree, core energy included),
/// the Hartree–Fock determinant as a basis state, and the molecule's sector (its N_alpha and N_beta) as a
/// span of basis states, under one mapping, tapered or not.
/// </summary>
public sealed class MolecularQubitHamiltonian
{
    private readonly Lazy<BasisSubspace> _sector;

    private MolecularQubitHamiltonian(MolecularIntegrals integrals, FermionMapping mapping, Z2Tapering? tapering, PauliSum hamiltonian, int numQubits)
    {
        Integrals = integrals;
        Mapping = mapping;
        Tapering = tapering;
        Hamiltonian = hamiltonian;
        NumQubits = numQubits;
        var spin = new SpinOrbitalHamiltonian(integrals);
        HartreeFockModes = spin.HartreeFockModes();
        HartreeFockState = BasisString(QubitBits(Occupation(HartreeFockModes)));
        _sector = new Lazy<BasisSubspace>(() => new BasisSubspace(numQubits,
            SectorOccupations(integrals).Select(o => ToIndex(QubitBits(o))),
            string.Create(CultureInfo.InvariantCulture, $"N_alpha={integrals.NumAlpha}, N_beta={integrals.NumBeta}")));
    }

    /// <summary>The (active-space) integrals it was built from.</summary>
    public MolecularIntegrals Integrals { get; }

    /// <summary>The fermion-to-qubit encoding.</summary>
    public FermionMapping Mapping { get; }

    /// <summary>The tapering applied after the mapping, or null.</summary>
    public Z2Tapering? Tapering { get; }

    /// <summary>The qubit Hamiltonian.</summary>
    public PauliSum Hamiltonian { get; }

    /// <summary>Register size (spin orbitals, less the tapered qubits).</summary>
    public int NumQubits { get; }

    /// <summary>Occupied spin orbitals of the Hartree–Fock determinant (block order: alpha 0..n−1, beta n..2n−1).</summary>
    public IReadOnlyList<int> HartreeFockModes { get; }

    /// <summary>The Hartree–Fock determinant as a basis string, qubit 0 first.</summary>
    public string HartreeFockState { get; }

    /// <summary>The span of the determinants with the molecule's N_alpha and N_beta (built on first use; at most <see cref="StateVector.MaxQubits"/> qubits).</summary>
    public BasisSubspace Sector => _sector.Value;

    /// <summary>"lih.fcidump, frozen core 1, 5 active orbitals; parity, tapered; 8 qubits".</summary>
    public string Description => string.Create(CultureInfo.InvariantCulture,
        $"{Integrals.Source}; {FermionMappingNames.Name(Mapping.Kind)}{(Tapering is null ? string.Empty : ", tapered")}; {NumQubits} qubits");

    /// <summary>Maps <paramref name="integrals"/> to qubits.</summary>
    /// <param name="integrals">The (active-space) integrals.</param>
    /// <param name="mapping">The encoding.</param>
    /// <param name="taper">Taper off the N_alpha and N_beta parities (two qubits fewer).</param>
    public static MolecularQubitHamiltonian Build(MolecularIntegrals integrals, FermionMappingKind mapping, bool taper)
    {
        ArgumentNullException.ThrowIfNull(integrals);
        var spin = new SpinOrbitalHamiltonian(integrals);
        var encoding = FermionMapping.Create(mapping, spin.NumModes);
        var full = spin.ToPauliSum(encoding);
        if (!taper)
        {
            return new MolecularQubitHamiltonian(integrals, encoding, null, full, spin.NumModes);
        }

        var tapering = ParityTapering(encoding, integrals.NumOrbitals, integrals.NumAlpha, integrals.NumBeta);
        return new MolecularQubitHamiltonian(integrals, encoding, tapering, tapering.Apply(full), tapering.NumQubitsAfter);
    }

    /// <summary>
    /// The tapering of the N_alpha and N_beta parities (alpha modes 0..n−1, beta n..2n−1) in the sector with
    /// <paramref name="numAlpha"/> and <paramref name="numBeta"/> electrons: what <see cref="Build"/> uses, for
    /// operators (excitation generators) that must be tapered the same way.
    /// </summary>
    public static Z2Tapering ParityTapering(FermionMapping encoding, int numOrbitals, int numAlpha, int numBeta)
    {
        ArgumentNullException.ThrowIfNull(encoding);
        var alpha = encoding.ParityOperator(Enumerable.Range(0, numOrbitals));
        var beta = encoding.ParityOperator(Enumerable.Range(numOrbitals, numOrbitals));
        return Z2Tapering.Create(encoding.NumModes,
        [
            (alpha, numAlpha % 2 == 0 ? 1 : -1),
            (beta, numBeta % 2 == 0 ? 1 : -1),
        ]);
    }

    /// <summary>⟨HF|H|HF⟩, which equals the SCF energy when the orbitals are the SCF's.</summary>
    public double HartreeFockEnergy() => Hamiltonian.Expectation(StateVector.FromBasisString(HartreeFockState));

    /// <summary>The lowest energy in the molecule's sector (Lanczos restricted to it).</summary>
    /// <exception cref="InvalidOperationException">Lanczos did not converge.</exception>
    public GroundStateResult SectorGroundState(double tolerance = 1e-10)
    {
        var result = Lanczos.GroundState(Hamiltonian, NumQubits, new Random(12345), tolerance, subspace: Sector);
        if (!result.Converged)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"Lanczos did not converge in the sector {Sector.Name} of {Description} (residual {result.Residual:G3} after {result.MatrixVectorProducts} products)."));
        }

        return result;
    }

    /// <summary>The qubit bits of the Fock state <paramref name="occupation"/>, tapered when tapering is on.</summary>
    public ulong QubitBits(ulong occupation)
    {
        var bits = Mapping.Encode(occupation);
        return Tapering?.TaperBits(bits) ?? bits;
    }

    /// <summary>The basis string of qubit bits (qubit 0 first).</summary>
    public string BasisString(ulong bits) =>
        new(Enumerable.Range(0, NumQubits).Select(q => ((bits >> q) & 1) != 0 ? '1' : '0').ToArray());

    /// <summary>The state-vector index of qubit bits (qubit q is index bit n−1−q).</summary>
    public int ToIndex(ulong bits)
    {
        var index = 0;
        for (var q = 0; q < NumQubits; q++)
        {
            index |= (int)((bits >> q) & 1) << (NumQubits - 1 - q);
        }

        return index;
    }

    private static ulong Occupation(IEnumerable<int> modes) => modes.Aggregate(0UL, (acc, m) => acc | (1UL << m));

    private static IEnumerable<ulong> SectorOccupations(MolecularIntegrals integrals)
    {
        var n = integrals.NumOrbitals;
        var betas = Combinations(n, integrals.NumBeta).ToArray();
        foreach (var a in Combinations(n, integrals.NumAlpha))
        {
            foreach (var b in betas)
            {
                yield return a | (b << n);
            }
        }
    }

    /// <summary>All n-bit masks with k bits set.</summary>
    private static IEnumerable<ulong> Combinations(int n, int k)
    {
        if (k == 0)
        {
            yield return 0UL;
            yield break;
        }

        // Gosper's hack over n ≤ 32 bits.
        var mask = (1UL << k) - 1;
        var limit = 1UL << n;
        while (mask < limit)
        {
            yield return mask;
            var c = mask & (~mask + 1);
            var r = mask + c;
            mask = (((r ^ mask) >> 2) / c) | r;
        }
    }
}
