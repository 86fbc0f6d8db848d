namespace NasPlatform.Quantum.Chemistry.Integrals;

/// <summary>
/// A molecule's electronic Hamiltonian in a basis of real, spin-restricted orbitals (the content of an
/// FCIDUMP): H = E_core + Σ_pq h_pq Σ_σ a†_pσ a_qσ + ½ Σ_pqrs (pq|rs) Σ_στ a†_pσ a†_rτ a_sτ a_qσ, with
/// two-electron integrals in chemists' notation and the full 8-fold symmetry of real orbitals. Orbitals
/// are numbered from 0 in the order of the source (an FCIDUMP's 1..NORB).
/// </summary>
public sealed class MolecularIntegrals
{
    /// <summary>Largest orbital count held (the two-electron tensor has NORB⁴ entries).</summary>
    public const int MaxOrbitals = 64;

    private readonly double[] _oneBody;
    private readonly double[] _twoBody;

    /// <param name="numOrbitals">Spatial orbitals.</param>
    /// <param name="numElectrons">Electrons.</param>
    /// <param name="spinTwice">2·S_z = N_alpha − N_beta (an FCIDUMP's MS2).</param>
    /// <param name="coreEnergy">Constant: nuclear repulsion plus any frozen-core energy.</param>
    /// <param name="oneBody">h_pq, row-major numOrbitals² (symmetric).</param>
    /// <param name="twoBody">(pq|rs) at ((p·n + q)·n + r)·n + s, all numOrbitals⁴ entries filled.</param>
    /// <param name="orbitalSymmetries">Irrep label per orbital (an FCIDUMP's ORBSYM), or empty.</param>
    /// <param name="source">Where the integrals came from, for messages.</param>
    public MolecularIntegrals(int numOrbitals, int numElectrons, int spinTwice, double coreEnergy,
        double[] oneBody, double[] twoBody, IReadOnlyList<int> orbitalSymmetries, string source)
    {
        ArgumentNullException.ThrowIfNull(oneBody);
        ArgumentNullException.ThrowIfNull(twoBody);
        ArgumentNullException.ThrowIfNull(orbitalSymmetries);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(numOrbitals, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(numOrbitals, MaxOrbitals);
        var n = numOrbitals;
        if (oneBody.Length != n * n || twoBody.Length != n * n * n * n)
        {
            throw new ArgumentException($"{source}: expected {n * n} one-electron and {n * n * n * n} two-electron entries for {n} orbitals.");
        }

        if (orbitalSymmetries.Count != 0 && orbitalSymmetries.Count != n)
        {
            throw new ArgumentException($"{source}: {orbitalSymmetries.Count} orbital symmetries for {n} orbitals.", nameof(orbitalSymmetries));
        }

        if (numElectrons < 0 || numElectrons > 2 * n)
        {
            throw new ArgumentException($"{source}: {numElectrons} electrons do not fit in {n} orbitals (at most {2 * n}).", nameof(numElectrons));
        }

        if (Math.Abs(spinTwice) > numElectrons || ((numElectrons + spinTwice) & 1) != 0
            || (numElectrons + spinTwice) / 2 > n || (numElectrons - spinTwice) / 2 > n)
        {
            throw new ArgumentException($"{source}: MS2={spinTwice} is impossible for {numElectrons} electrons in {n} orbitals (N_alpha − N_beta must have the parity of N and each spin at most {n} electrons).", nameof(spinTwice));
        }

        NumOrbitals = n;
        NumElectrons = numElectrons;
        SpinTwice = spinTwice;
        CoreEnergy = coreEnergy;
        _oneBody = oneBody;
        _twoBody = twoBody;
        OrbitalSymmetries = orbitalSymmetries;
        Source = source;
    }

    /// <summary>Spatial orbitals.</summary>
    public int NumOrbitals { get; }

    /// <summary>Electrons (in these orbitals; frozen ones are not counted).</summary>
    public int NumElectrons { get; }

    /// <summary>2·S_z = N_alpha − N_beta.</summary>
    public int SpinTwice { get; }

    /// <summary>Alpha electrons.</summary>
    public int NumAlpha => (NumElectrons + SpinTwice) / 2;

    /// <summary>Beta electrons.</summary>
    public int NumBeta => (NumElectrons - SpinTwice) / 2;

    /// <summary>The constant part of the energy (nuclear repulsion, frozen-core energy).</summary>
    public double CoreEnergy { get; }

    /// <summary>Irrep labels (ORBSYM), or empty when the source gave none.</summary>
    public IReadOnlyList<int> OrbitalSymmetries { get; }

    /// <summary>Where the integrals came from ("lih.fcidump", "lih.fcidump, frozen core 1, 5 active").</summary>
    public string Source { get; }

    /// <summary>One-electron integral h_pq.</summary>
    public double OneBody(int p, int q) => _oneBody[p * NumOrbitals + q];

    /// <summary>Two-electron integral (pq|rs) in chemists' notation.</summary>
    public double TwoBody(int p, int q, int r, int s) => _twoBody[((p * NumOrbitals + q) * NumOrbitals + r) * NumOrbitals + s];

    /// <summary>
    /// Energy of the Slater determinant with the given occupied orbitals of each spin (Slater–Condon):
    /// E_core + Σ_i h_ii + ½ Σ_ij [(ii|jj) − δ_σ(i)σ(j) (ij|ji)] over occupied spin orbitals.
    /// </summary>
    public double DeterminantEnergy(IReadOnlyCollection<int> alpha, IReadOnlyCollection<int> beta)
    {
        ArgumentNullException.ThrowIfNull(alpha);
        ArgumentNullException.ThrowIfNull(beta);
        var energy = CoreEnergy + alpha.Sum(i => OneBody(i, i)) + beta.Sum(i => OneBody(i, i));
        energy += 0.5 * SameSpin(alpha) + 0.5 * SameSpin(beta);
        foreach (var i in alpha)
        {
            foreach (var j in beta)
            {
                energy += TwoBody(i, i, j, j);
            }
        }

        return energy;
    }

    /// <summary>The restricted (RHF, or ROHF when MS2 > 0) determinant's energy: the lowest orbitals filled in order.</summary>
    public double HartreeFockEnergy() =>
        DeterminantEnergy(Enumerable.Range(0, NumAlpha).ToArray(), Enumerable.Range(0, NumBeta).ToArray());

    /// <summary>The raw one-electron array (row-major), for derived integral sets.</summary>
    internal ReadOnlySpan<double> OneBodyArray => _oneBody;

    private double SameSpin(IReadOnlyCollection<int> occupied)
    {
        var sum = 0.0;
        foreach (var i in occupied)
        {
            foreach (var j in occupied)
            {
                sum += TwoBody(i, i, j, j) - TwoBody(i, j, j, i);
            }
        }

        return sum;
    }
}
