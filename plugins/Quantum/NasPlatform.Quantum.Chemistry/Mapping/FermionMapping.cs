using System.Numerics;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Quantum.Chemistry.Mapping;

/// <summary>
/// A linear fermion-to-qubit encoding: qubit bits b = M·n (mod 2) for occupations n, M invertible. From M
/// alone follow the images of the ladder operators (Seeley, Richard &amp; Love 2012; Steudtner &amp; Wehner 2018):
/// a_j = S_j F_j (1 − Z^{r_j})/2 and a†_j = S_j F_j (1 + Z^{r_j})/2, where F_j = X on the qubits whose
/// bit depends on n_j (column j of M) flips mode j, Z^{r_j} (row j of M⁻¹) has eigenvalue (−1)^{n_j}, and
/// S_j = Z on the XOR of rows 0..j−1 of M⁻¹ gives the sign (−1)^{n_0+…+n_{j−1}}. Jordan–Wigner is M = 1,
/// parity the lower triangle of ones, Bravyi–Kitaev the Fenwick tree. Every Fock state maps to one
/// computational basis state, so particle-number sectors are spans of basis states.
/// </summary>
public sealed class FermionMapping
{
    /// <summary>Most modes (one qubit each).</summary>
    public const int MaxModes = 64;

    private readonly ulong[] _rows;
    private readonly ulong[] _columns;
    private readonly ulong[] _inverseRows;
    private readonly ulong[] _signMasks;

    private FermionMapping(FermionMappingKind kind, ulong[] rows)
    {
        Kind = kind;
        NumModes = rows.Length;
        _rows = rows;
        _columns = new ulong[NumModes];
        for (var q = 0; q < NumModes; q++)
        {
            for (var j = 0; j < NumModes; j++)
            {
                if (((rows[q] >> j) & 1) != 0)
                {
                    _columns[j] |= 1UL << q;
                }
            }
        }

        _inverseRows = Invert(rows);
        _signMasks = new ulong[NumModes];
        for (var j = 1; j < NumModes; j++)
        {
            _signMasks[j] = _signMasks[j - 1] ^ _inverseRows[j - 1];
        }
    }

    /// <summary>Which encoding.</summary>
    public FermionMappingKind Kind { get; }

    /// <summary>Fermionic modes = qubits.</summary>
    public int NumModes { get; }

    /// <summary>The encoding of <paramref name="kind"/> for <paramref name="numModes"/> modes.</summary>
    public static FermionMapping Create(FermionMappingKind kind, int numModes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(numModes, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(numModes, MaxModes);
        var rows = new ulong[numModes];
        for (var q = 0; q < numModes; q++)
        {
            rows[q] = kind switch
            {
                FermionMappingKind.JordanWigner => 1UL << q,
                FermionMappingKind.Parity => RangeMask(0, q),
                FermionMappingKind.BravyiKitaev => RangeMask(q + 1 - (int)((ulong)(q + 1) & (ulong)-(q + 1)), q),
                _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown mapping."),
            };
        }

        return new FermionMapping(kind, rows);
    }

    /// <summary>Qubit bits (bit q = qubit q) of the Fock state with occupation mask <paramref name="occupation"/> (bit j = mode j).</summary>
    public ulong Encode(ulong occupation)
    {
        var bits = 0UL;
        while (occupation != 0)
        {
            bits ^= _columns[BitOperations.TrailingZeroCount(occupation)];
            occupation &= occupation - 1;
        }

        return bits;
    }

    /// <summary>Occupation mask of the Fock state encoded by qubit bits <paramref name="bits"/>.</summary>
    public ulong Decode(ulong bits)
    {
        var occupation = 0UL;
        for (var j = 0; j < NumModes; j++)
        {
            if ((BitOperations.PopCount(_inverseRows[j] & bits) & 1) != 0)
            {
                occupation |= 1UL << j;
            }
        }

        return occupation;
    }

    /// <summary>The Z-string whose eigenvalue is (−1)^(Σ n_j over <paramref name="modes"/>): a parity symmetry.</summary>
    public PauliString ParityOperator(IEnumerable<int> modes)
    {
        ArgumentNullException.ThrowIfNull(modes);
        var z = 0UL;
        foreach (var j in modes)
        {
            z ^= _inverseRows[j];
        }

        return new PauliString(0, z);
    }

    /// <summary>The image of a_j.</summary>
    public QubitOperator Annihilation(int mode) => Ladder(mode, -1);

    /// <summary>The image of a†_j.</summary>
    public QubitOperator Creation(int mode) => Ladder(mode, +1);

    private QubitOperator Ladder(int mode, int sign)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(mode);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(mode, NumModes);
        var signFlip = QubitOperator.Multiply(new PauliString(0, _signMasks[mode]), new PauliString(_columns[mode], 0));
        var projector = new QubitOperator();
        projector.Add(0.5, PauliString.Identity);
        projector.Add(0.5 * sign, new PauliString(0, _inverseRows[mode]));
        return QubitOperator.Of(signFlip.Phase, signFlip.Product) * projector;
    }

    private static ulong RangeMask(int from, int to) =>
        (to == 63 ? ulong.MaxValue : (1UL << (to + 1)) - 1) & ~((1UL << from) - 1);

    /// <summary>Rows of M⁻¹ over GF(2) by Gauss–Jordan elimination on [M | 1].</summary>
    private static ulong[] Invert(ulong[] rows)
    {
        var n = rows.Length;
        var a = (ulong[])rows.Clone();
        var inverse = new ulong[n];
        for (var i = 0; i < n; i++)
        {
            inverse[i] = 1UL << i;
        }

        for (var column = 0; column < n; column++)
        {
            var pivot = Array.FindIndex(a, column, r => ((r >> column) & 1) != 0);
            if (pivot < 0)
            {
                throw new InvalidOperationException("The encoding matrix is singular.");
            }

            (a[column], a[pivot]) = (a[pivot], a[column]);
            (inverse[column], inverse[pivot]) = (inverse[pivot], inverse[column]);
            for (var r = 0; r < n; r++)
            {
                if (r != column && ((a[r] >> column) & 1) != 0)
                {
                    a[r] ^= a[column];
                    inverse[r] ^= inverse[column];
                }
            }
        }

        // The row operations turned M into the identity; inverse[j] records which original rows (qubits)
        // were XORed into row j, so n_j is the XOR of the bits of those qubits.
        return inverse;
    }
}
