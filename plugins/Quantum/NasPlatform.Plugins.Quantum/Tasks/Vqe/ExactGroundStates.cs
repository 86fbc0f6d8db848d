using System.Numerics;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Plugins.Quantum.Tasks.Vqe;

/// <summary>
/// Exact ground states by the simulator's Lanczos, computed once per Hamiltonian and kept in the plugin's
/// cache (the host's, bounded by size; see <see cref="IComponentCache"/>): every trial of an experiment, and
/// every experiment the host runs with the plugin, shares them. Degeneracy is probed by restarting
/// Lanczos from other random vectors: in a degenerate ground space each start lands on a different ground
/// vector, so the part orthogonal to those already found is a new one. Given a sector (a molecule's
/// electron counts), everything happens inside it: the energy is the sector's lowest, not a lower state
/// with another electron count.
/// </summary>
public static class ExactGroundStates
{
    /// <summary>Most ground vectors looked for.</summary>
    public const int MaxDegeneracy = 4;

    private const double ResidualTolerance = 1e-10;

    /// <summary>The ground state of <paramref name="hamiltonian"/> on <paramref name="numQubits"/> qubits, within <paramref name="sector"/> when given, from <paramref name="cache"/> (the plugin's) when computed before.</summary>
    /// <exception cref="InvalidOperationException">Lanczos did not converge.</exception>
    public static ExactGroundState Get(IComponentCache cache, PauliSum hamiltonian, int numQubits, BasisSubspace? sector = null)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(hamiltonian);
        var sectorKey = sector is null ? "all" : $"{sector.Name}/{sector.Dimension}/{string.Join(",", sector.Indices)}";
        var key = $"{numQubits}:{sectorKey}:{hamiltonian.ToDenseString()}";
        return cache.GetOrAdd($"exact-ground-state|{key}", () => Compute(hamiltonian, numQubits, sector),
            ground => ground.Basis.Sum(state => (long)state.Length * 16));
    }

    private static ExactGroundState Compute(PauliSum hamiltonian, int numQubits, BasisSubspace? sector)
    {
        var first = Lanczos.GroundState(hamiltonian, numQubits, new Random(12345), ResidualTolerance, subspace: sector);
        if (!first.Converged)
        {
            throw new InvalidOperationException($"Lanczos did not converge for the {numQubits}-qubit Hamiltonian{(sector is null ? string.Empty : " in the sector " + sector.Name)} (residual {first.Residual:G3} after {first.MatrixVectorProducts} products); the exact energy is unknown.");
        }

        var energy = first.Energy;
        var basis = new List<StateVector> { Normalized(first.State) };
        var scratch = new StateVector(numQubits);
        for (var attempt = 1; attempt <= MaxDegeneracy; attempt++)
        {
            if (basis.Count == MaxDegeneracy)
            {
                break;
            }

            var next = Lanczos.GroundState(hamiltonian, numQubits, new Random(12345 + attempt), ResidualTolerance, subspace: sector);
            if (!next.Converged)
            {
                break;
            }

            var candidate = next.State.Clone();
            foreach (var g in basis)
            {
                var overlap = g.InnerProduct(candidate);
                Subtract(candidate, g, overlap);
            }

            var norm = Math.Sqrt(candidate.NormSquared());
            if (norm < 1e-3)
            {
                // The new start found no ground vector outside those known: the ground space is spanned.
                break;
            }

            candidate.Scale(1.0 / norm);
            hamiltonian.Apply(candidate, scratch);
            var candidateEnergy = candidate.InnerProduct(scratch).Real;
            if (Math.Abs(candidateEnergy - energy) > 1e-7 * Math.Max(1.0, Math.Abs(energy)))
            {
                // What is left is an excited-state admixture of an imperfectly converged vector, not a ground vector.
                break;
            }

            basis.Add(candidate);
            energy = Math.Min(energy, next.Energy);
        }

        return new ExactGroundState(energy, basis);
    }

    private static StateVector Normalized(StateVector state)
    {
        var copy = state.Clone();
        copy.Normalize();
        return copy;
    }

    private static void Subtract(StateVector target, StateVector direction, Complex overlap)
    {
        for (var i = 0; i < target.Length; i++)
        {
            // target −= ⟨g|t⟩ g
            var re = overlap.Real * direction.Re[i] - overlap.Imaginary * direction.Im[i];
            var im = overlap.Real * direction.Im[i] + overlap.Imaginary * direction.Re[i];
            target.Re[i] -= re;
            target.Im[i] -= im;
        }
    }
}
