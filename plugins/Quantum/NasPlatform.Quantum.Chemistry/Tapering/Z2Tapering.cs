using System.Numerics;
using NasPlatform.Quantum.Chemistry.Mapping;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Quantum.Chemistry.Tapering;

/// <summary>
/// Qubit tapering off Z-string symmetries (Bravyi, Gambetta, Mezzacapo &amp; Temme 2017): for independent
/// generators τ_i = Z^{v_i} commuting with every term, brought to reduced echelon form so each has a pivot
/// qubit q_i that no other generator touches, the Clifford U_i = (X_{q_i} + τ_i)/√2 turns τ_i into X_{q_i};
/// every term then holds I or X on q_i, X_{q_i} is replaced by the sector's eigenvalue of τ_i and qubit q_i
/// is dropped. The spectrum on the sector is kept exactly. A basis state of the sector maps, up to sign, to
/// the basis state with the pivot qubits removed, so Hartree–Fock stays a basis state and particle-number
/// sectors stay spans of basis states. In the parity mapping with block spin order the N_alpha and N
/// parities are single-qubit Z's and this is the familiar two-qubit reduction.
/// </summary>
public sealed class Z2Tapering
{
    private readonly (PauliString Generator, int Eigenvalue, int Pivot)[] _generators;

    private Z2Tapering(int numQubits, (PauliString, int, int)[] generators)
    {
        NumQubits = numQubits;
        _generators = generators;
        RemovedQubits = generators.Select(g => g.Item3).Order().ToArray();
    }

    /// <summary>Qubits before tapering.</summary>
    public int NumQubits { get; }

    /// <summary>Qubits after tapering.</summary>
    public int NumQubitsAfter => NumQubits - RemovedQubits.Count;

    /// <summary>The pivot qubits removed, ascending.</summary>
    public IReadOnlyList<int> RemovedQubits { get; }

    /// <summary>Prepares the tapering for symmetries (Z-strings) with the sector's eigenvalues (±1).</summary>
    /// <exception cref="ArgumentException">A symmetry is not a Z-string, an eigenvalue not ±1, or the generators are dependent with contradicting eigenvalues.</exception>
    public static Z2Tapering Create(int numQubits, IEnumerable<(PauliString Symmetry, int Eigenvalue)> symmetries)
    {
        ArgumentNullException.ThrowIfNull(symmetries);
        var rows = new List<(ulong Mask, int Eigenvalue)>();
        foreach (var (symmetry, eigenvalue) in symmetries)
        {
            if (symmetry.XMask != 0 || symmetry.IsIdentity || Math.Abs(eigenvalue) != 1)
            {
                throw new ArgumentException($"Symmetry {symmetry} with eigenvalue {eigenvalue}: tapering takes non-identity Z-strings with eigenvalue ±1.", nameof(symmetries));
            }

            rows.Add((symmetry.ZMask, eigenvalue));
        }

        var reduced = new List<(PauliString, int, int)>();
        var pending = rows.ToList();
        while (pending.Count > 0)
        {
            var (mask, eigenvalue) = pending[0];
            pending.RemoveAt(0);
            if (mask == 0)
            {
                if (eigenvalue != 1)
                {
                    throw new ArgumentException("The symmetries' eigenvalues contradict each other (a product of generators is the identity with eigenvalue −1): the sector is empty.", nameof(symmetries));
                }

                continue;
            }

            var pivot = 63 - BitOperations.LeadingZeroCount(mask);
            var bit = 1UL << pivot;
            for (var i = 0; i < pending.Count; i++)
            {
                if ((pending[i].Mask & bit) != 0)
                {
                    pending[i] = (pending[i].Mask ^ mask, pending[i].Eigenvalue * eigenvalue);
                }
            }

            for (var i = 0; i < reduced.Count; i++)
            {
                var (g, e, p) = reduced[i];
                if ((g.ZMask & bit) != 0)
                {
                    reduced[i] = (new PauliString(0, g.ZMask ^ mask), e * eigenvalue, p);
                }
            }

            reduced.Add((new PauliString(0, mask), eigenvalue, pivot));
        }

        return new Z2Tapering(numQubits, reduced.ToArray());
    }

    /// <summary>The tapered operator on <see cref="NumQubitsAfter"/> qubits.</summary>
    /// <exception cref="ArgumentException">A term does not commute with a symmetry.</exception>
    public PauliSum Apply(PauliSum hamiltonian)
    {
        ArgumentNullException.ThrowIfNull(hamiltonian);
        var result = new QubitOperator();
        foreach (var term in hamiltonian.Terms)
        {
            var pauli = term.Pauli;
            Complex coefficient = term.Coefficient;
            foreach (var (generator, eigenvalue, pivot) in _generators)
            {
                if ((BitOperations.PopCount(pauli.XMask & generator.ZMask) & 1) != 0)
                {
                    throw new ArgumentException($"The term {term.Pauli} does not commute with the symmetry {generator}; it cannot be tapered.", nameof(hamiltonian));
                }

                if (((pauli.ZMask >> pivot) & 1) != 0)
                {
                    // P anticommutes with X_q: U P U = −P·X_q·τ.
                    var (withX, phase1) = QubitOperator.Multiply(pauli, new PauliString(1UL << pivot, 0));
                    var (conjugated, phase2) = QubitOperator.Multiply(withX, generator);
                    pauli = conjugated;
                    coefficient *= -phase1 * phase2;
                }
            }

            foreach (var (_, eigenvalue, pivot) in _generators)
            {
                if (((pauli.XMask >> pivot) & 1) != 0)
                {
                    coefficient *= eigenvalue;
                }
            }

            result.Add(coefficient, new PauliString(TaperBits(pauli.XMask), TaperBits(pauli.ZMask)));
        }

        return result.ToPauliSum(NumQubitsAfter);
    }

    /// <summary>The qubit mask (bit q = qubit q) with the removed qubits taken out and the rest moved down.</summary>
    public ulong TaperBits(ulong bits)
    {
        var result = 0UL;
        var target = 0;
        for (var q = 0; q < NumQubits; q++)
        {
            if (RemovedQubits.Contains(q))
            {
                continue;
            }

            result |= ((bits >> q) & 1) << target;
            target++;
        }

        return result;
    }
}
