using System.Numerics;
using NasPlatform.Quantum.Chemistry.Integrals;
using NasPlatform.Quantum.Chemistry.Mapping;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Quantum.Chemistry.Hamiltonian;

/// <summary>
/// The electronic Hamiltonian in spin orbitals, H = C + Σ_PQ h_PQ a†_P a_Q + ½ Σ_PQRS ⟨PQ|RS⟩ a†_P a†_Q a_S a_R,
/// from restricted integrals. Modes are in blocks: alpha orbital p is mode p, beta orbital p is mode
/// NumOrbitals + p (the order under which the parity mapping's N_alpha and N-parity sit on single qubits).
/// </summary>
public sealed class SpinOrbitalHamiltonian
{
    public SpinOrbitalHamiltonian(MolecularIntegrals integrals)
    {
        ArgumentNullException.ThrowIfNull(integrals);
        if (2 * integrals.NumOrbitals > FermionMapping.MaxModes)
        {
            throw new ArgumentException($"{integrals.Source}: {integrals.NumOrbitals} orbitals are {2 * integrals.NumOrbitals} spin orbitals; at most {FermionMapping.MaxModes} are mapped to qubits. Choose an active space.", nameof(integrals));
        }

        Integrals = integrals;
    }

    /// <summary>The spatial integrals.</summary>
    public MolecularIntegrals Integrals { get; }

    /// <summary>Spin orbitals (2 per spatial orbital).</summary>
    public int NumModes => 2 * Integrals.NumOrbitals;

    /// <summary>The mode of spatial orbital <paramref name="orbital"/> with spin alpha (<paramref name="beta"/> false) or beta.</summary>
    public int Mode(int orbital, bool beta) => beta ? Integrals.NumOrbitals + orbital : orbital;

    /// <summary>Occupied modes of the Hartree–Fock determinant: the lowest N_alpha alpha and N_beta beta orbitals.</summary>
    public IReadOnlyList<int> HartreeFockModes() =>
        Enumerable.Range(0, Integrals.NumAlpha).Select(p => Mode(p, false))
            .Concat(Enumerable.Range(0, Integrals.NumBeta).Select(p => Mode(p, true))).ToArray();

    /// <summary>h_PQ: zero between different spins.</summary>
    public double OneBody(int p, int q)
    {
        var n = Integrals.NumOrbitals;
        return (p < n) == (q < n) ? Integrals.OneBody(p % n, q % n) : 0.0;
    }

    /// <summary>⟨PQ|RS⟩ = (pr|qs) δ(σ_P, σ_R) δ(σ_Q, σ_S), the coefficient of ½ a†_P a†_Q a_S a_R.</summary>
    public double TwoBody(int p, int q, int r, int s)
    {
        var n = Integrals.NumOrbitals;
        return (p < n) == (r < n) && (q < n) == (s < n) ? Integrals.TwoBody(p % n, r % n, q % n, s % n) : 0.0;
    }

    /// <summary>The qubit operator under <paramref name="mapping"/>, as a real Pauli sum on NumModes qubits.</summary>
    public PauliSum ToPauliSum(FermionMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        if (mapping.NumModes != NumModes)
        {
            throw new ArgumentException($"The mapping is for {mapping.NumModes} modes; the Hamiltonian has {NumModes}.", nameof(mapping));
        }

        var m = NumModes;
        var create = Enumerable.Range(0, m).Select(mapping.Creation).ToArray();
        var annihilate = Enumerable.Range(0, m).Select(mapping.Annihilation).ToArray();
        var result = new QubitOperator();
        result.Add(Integrals.CoreEnergy, PauliString.Identity);
        for (var p = 0; p < m; p++)
        {
            for (var q = 0; q < m; q++)
            {
                var h = OneBody(p, q);
                if (h != 0.0)
                {
                    AddProduct(result, h, create[p], annihilate[q]);
                }
            }
        }

        // a†_P a†_Q and a_S a_R once per pair, then ½ ⟨PQ|RS⟩ (a†_P a†_Q)(a_S a_R).
        var creators = new QubitOperator?[m * m];
        var annihilators = new QubitOperator?[m * m];
        for (var p = 0; p < m; p++)
        {
            for (var q = 0; q < m; q++)
            {
                if (p != q)
                {
                    creators[p * m + q] = create[p] * create[q];
                    annihilators[p * m + q] = annihilate[p] * annihilate[q];
                }
            }
        }

        for (var p = 0; p < m; p++)
        {
            for (var q = 0; q < m; q++)
            {
                if (creators[p * m + q] is not { } pair)
                {
                    continue;
                }

                for (var r = 0; r < m; r++)
                {
                    for (var s = 0; s < m; s++)
                    {
                        var v = TwoBody(p, q, r, s);
                        if (v != 0.0 && annihilators[s * m + r] is { } down)
                        {
                            AddProduct(result, 0.5 * v, pair, down);
                        }
                    }
                }
            }
        }

        return result.ToPauliSum(m);
    }

    private static void AddProduct(QubitOperator target, double factor, QubitOperator a, QubitOperator b)
    {
        foreach (var (pa, ca) in a.Terms)
        {
            foreach (var (pb, cb) in b.Terms)
            {
                var (product, phase) = QubitOperator.Multiply(pa, pb);
                target.Add(factor * ca * cb * phase, product);
            }
        }
    }
}
