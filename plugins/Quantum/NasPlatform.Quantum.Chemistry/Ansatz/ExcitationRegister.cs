using System.Globalization;
using NasPlatform.Quantum.Chemistry.Hamiltonian;
using NasPlatform.Quantum.Chemistry.Mapping;
using NasPlatform.Quantum.Chemistry.Tapering;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Quantum.Chemistry.Ansatz;

/// <summary>
/// What excitation operators need of a molecule without its integrals: the active spatial orbitals, the
/// electrons of each spin, the fermion-to-qubit mapping and whether the N_alpha and N_beta parities are
/// tapered. From these follow the qubits, the Hartree–Fock determinant (the lowest orbitals of each spin,
/// as <see cref="SpinOrbitalHamiltonian.HartreeFockModes"/>), the singles and doubles and their generators
/// exactly as <see cref="MolecularQubitHamiltonian"/> maps and tapers its Hamiltonian, so a search space can
/// build circuits (and count their CNOTs) that an evaluator holding the integrals trains unchanged.
/// </summary>
public sealed class ExcitationRegister
{
    private ExcitationRegister(int numOrbitals, int numAlpha, int numBeta, FermionMapping mapping, Z2Tapering? tapering)
    {
        NumOrbitals = numOrbitals;
        NumAlpha = numAlpha;
        NumBeta = numBeta;
        Mapping = mapping;
        Tapering = tapering;
        HartreeFockModes = Enumerable.Range(0, numAlpha).Concat(Enumerable.Range(numOrbitals, numBeta)).ToArray();
        var occupation = HartreeFockModes.Aggregate(0UL, (mask, m) => mask | (1UL << m));
        var bits = Mapping.Encode(occupation);
        bits = Tapering?.TaperBits(bits) ?? bits;
        HartreeFockState = new string(Enumerable.Range(0, NumQubits).Select(q => ((bits >> q) & 1) != 0 ? '1' : '0').ToArray());
        Excitations = ExcitationPool.SinglesAndDoubles(numOrbitals, HartreeFockModes);
    }

    /// <summary>Active spatial orbitals (2n spin orbitals: alpha 0..n−1, beta n..2n−1).</summary>
    public int NumOrbitals { get; }

    /// <summary>Alpha electrons.</summary>
    public int NumAlpha { get; }

    /// <summary>Beta electrons.</summary>
    public int NumBeta { get; }

    /// <summary>Electrons.</summary>
    public int NumElectrons => NumAlpha + NumBeta;

    /// <summary>The fermion-to-qubit encoding.</summary>
    public FermionMapping Mapping { get; }

    /// <summary>The parity tapering, or null.</summary>
    public Z2Tapering? Tapering { get; }

    /// <summary>Qubits: spin orbitals, less the tapered ones.</summary>
    public int NumQubits => Tapering?.NumQubitsAfter ?? Mapping.NumModes;

    /// <summary>Occupied modes of the Hartree–Fock determinant.</summary>
    public IReadOnlyList<int> HartreeFockModes { get; }

    /// <summary>The Hartree–Fock determinant as a basis string, qubit 0 first.</summary>
    public string HartreeFockState { get; }

    /// <summary>The spin-preserving singles and doubles (<see cref="ExcitationPool"/>).</summary>
    public IReadOnlyList<Excitation> Excitations { get; }

    /// <summary>"5 orbitals, 2 electrons, jordan-wigner".</summary>
    public string Description => string.Create(CultureInfo.InvariantCulture,
        $"{NumOrbitals} orbitals, {NumElectrons} electrons (N_alpha={NumAlpha}, N_beta={NumBeta}), {FermionMappingNames.Name(Mapping.Kind)}{(Tapering is null ? string.Empty : ", tapered")}");

    /// <summary>The register for <paramref name="numElectrons"/> electrons, N_alpha − N_beta = <paramref name="spin"/>.</summary>
    /// <exception cref="ArgumentException">Electrons or spin impossible for the orbitals.</exception>
    public static ExcitationRegister Create(int numOrbitals, int numElectrons, FermionMappingKind mapping, bool taper, int spin = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(numOrbitals, 1);
        if ((numElectrons + spin) % 2 != 0 || spin < 0 || numElectrons < spin)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{numElectrons} electrons cannot have N_alpha − N_beta = {spin}: the two must have the same parity, spin ≥ 0."), nameof(spin));
        }

        var alpha = (numElectrons + spin) / 2;
        var beta = numElectrons - alpha;
        if (alpha > numOrbitals)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{numElectrons} electrons do not fit {numOrbitals} orbitals ({alpha} alpha electrons)."), nameof(numElectrons));
        }

        var encoding = FermionMapping.Create(mapping, 2 * numOrbitals);
        var tapering = taper ? MolecularQubitHamiltonian.ParityTapering(encoding, numOrbitals, alpha, beta) : null;
        return new ExcitationRegister(numOrbitals, alpha, beta, encoding, tapering);
    }

    /// <summary>The register of a mapped molecule.</summary>
    public static ExcitationRegister Of(MolecularQubitHamiltonian hamiltonian)
    {
        ArgumentNullException.ThrowIfNull(hamiltonian);
        var integrals = hamiltonian.Integrals;
        return new ExcitationRegister(integrals.NumOrbitals, integrals.NumAlpha, integrals.NumBeta, hamiltonian.Mapping, hamiltonian.Tapering);
    }

    /// <summary>The generator of <paramref name="excitation"/> on this register (<see cref="ExcitationGenerators"/>).</summary>
    public PauliSum Generator(Excitation excitation, bool qubitExcitation = false) =>
        ExcitationGenerators.Generator(Mapping, Tapering, excitation, qubitExcitation);

    /// <summary>True when the other register has the same orbitals, electrons, mapping and tapering.</summary>
    public bool SameAs(ExcitationRegister other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return NumOrbitals == other.NumOrbitals && NumAlpha == other.NumAlpha && NumBeta == other.NumBeta
            && Mapping.Kind == other.Mapping.Kind && (Tapering is null) == (other.Tapering is null);
    }
}
