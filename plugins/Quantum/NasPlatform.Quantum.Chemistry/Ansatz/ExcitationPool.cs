using NasPlatform.Quantum.Chemistry.Hamiltonian;

namespace NasPlatform.Quantum.Chemistry.Ansatz;

/// <summary>
/// The singles and doubles of a molecule relative to its Hartree–Fock determinant that keep N_alpha and
/// N_beta: alpha→alpha and beta→beta singles; alpha-alpha, beta-beta and alpha-beta doubles (UCCSD's pool,
/// and ADAPT-VQE's fermionic pool).
/// </summary>
public static class ExcitationPool
{
    /// <summary>Singles, then doubles, each in a fixed order.</summary>
    public static IReadOnlyList<Excitation> SinglesAndDoubles(MolecularQubitHamiltonian hamiltonian)
    {
        ArgumentNullException.ThrowIfNull(hamiltonian);
        return SinglesAndDoubles(hamiltonian.Integrals.NumOrbitals, hamiltonian.HartreeFockModes);
    }

    /// <summary>Singles, then doubles, for <paramref name="numOrbitals"/> spatial orbitals with the occupied modes <paramref name="hartreeFockModes"/>.</summary>
    public static IReadOnlyList<Excitation> SinglesAndDoubles(int numOrbitals, IReadOnlyCollection<int> hartreeFockModes)
    {
        ArgumentNullException.ThrowIfNull(hartreeFockModes);
        var n = numOrbitals;
        var occupied = hartreeFockModes.ToHashSet();
        var modes = Enumerable.Range(0, 2 * n).ToArray();
        var occ = modes.Where(occupied.Contains).ToArray();
        var virt = modes.Where(m => !occupied.Contains(m)).ToArray();
        bool Beta(int mode) => mode >= n;

        var pool = new List<Excitation>();
        foreach (var i in occ)
        {
            foreach (var a in virt.Where(a => Beta(a) == Beta(i)))
            {
                pool.Add(new Excitation([i], [a]));
            }
        }

        for (var x = 0; x < occ.Length; x++)
        {
            for (var y = x + 1; y < occ.Length; y++)
            {
                var (i, j) = (occ[x], occ[y]);
                for (var u = 0; u < virt.Length; u++)
                {
                    for (var w = u + 1; w < virt.Length; w++)
                    {
                        var (a, b) = (virt[u], virt[w]);
                        var spinFrom = (Beta(i) ? 1 : 0) + (Beta(j) ? 1 : 0);
                        var spinTo = (Beta(a) ? 1 : 0) + (Beta(b) ? 1 : 0);
                        if (spinFrom == spinTo)
                        {
                            pool.Add(new Excitation([i, j], [a, b]));
                        }
                    }
                }
            }
        }

        return pool;
    }
}
