using System.Numerics;
using System.Text;

namespace NasPlatform.Quantum.Simulator;

/// <summary>
/// A tensor product of single-qubit Paulis, as bit masks over qubit numbers (bit q = qubit q): X where only
/// the X mask is set, Z where only Z is set, Y where both are. Up to 64 qubits. Qubit 0 is the leftmost
/// character of the dense form ("ZZII" = Z0 Z1).
/// </summary>
public readonly record struct PauliString(ulong XMask, ulong ZMask)
{
    public static PauliString Identity => default;

    public bool IsIdentity => (XMask | ZMask) == 0;

    /// <summary>Number of non-identity factors.</summary>
    public int Weight => BitOperations.PopCount(XMask | ZMask);

    /// <summary>One more than the highest qubit with a non-identity factor.</summary>
    public int MinQubits => 64 - BitOperations.LeadingZeroCount(XMask | ZMask);

    public char this[int qubit]
    {
        get
        {
            var x = (XMask >> qubit) & 1;
            var z = (ZMask >> qubit) & 1;
            return (x, z) switch
            {
                (0, 0) => 'I',
                (1, 0) => 'X',
                (1, 1) => 'Y',
                _ => 'Z',
            };
        }
    }

    public static PauliString Single(char pauli, int qubit)
    {
        if ((uint)qubit >= 64)
        {
            throw new ArgumentOutOfRangeException(nameof(qubit), qubit, "Pauli strings cover qubits 0..63.");
        }

        var bit = 1UL << qubit;
        return char.ToUpperInvariant(pauli) switch
        {
            'I' => Identity,
            'X' => new PauliString(bit, 0),
            'Y' => new PauliString(bit, bit),
            'Z' => new PauliString(0, bit),
            _ => throw new ArgumentException($"'{pauli}' is not a Pauli; use I, X, Y or Z.", nameof(pauli)),
        };
    }

    /// <summary>Parses the dense form, one character per qubit, qubit 0 first: "ZZII", "XYYX".</summary>
    public static PauliString FromDense(string dense)
    {
        ArgumentNullException.ThrowIfNull(dense);
        var result = Identity;
        for (var q = 0; q < dense.Length; q++)
        {
            if ("IXYZixyz".IndexOf(dense[q]) < 0)
            {
                throw new FormatException($"Pauli string \"{dense}\": character {q + 1} is '{dense[q]}'; use only I, X, Y, Z (qubit 0 first).");
            }

            result = result.Times(Single(dense[q], q));
        }

        return result;
    }

    /// <summary>Product of two commuting-or-not strings, ignoring the phase (only used to join factors on distinct qubits).</summary>
    internal PauliString Times(PauliString other) => new(XMask ^ other.XMask, ZMask ^ other.ZMask);

    /// <summary>True when the factors on shared qubits agree, so both are measured in one basis.</summary>
    public bool QubitWiseCommutes(PauliString other)
    {
        var shared = (XMask | ZMask) & (other.XMask | other.ZMask);
        return ((XMask ^ other.XMask) & shared) == 0 && ((ZMask ^ other.ZMask) & shared) == 0;
    }

    public string ToDense(int numQubits)
    {
        if (numQubits < MinQubits)
        {
            throw new ArgumentOutOfRangeException(nameof(numQubits), $"The string acts on qubit {MinQubits - 1}; it needs at least {MinQubits} characters.");
        }

        var chars = new char[numQubits];
        for (var q = 0; q < numQubits; q++)
        {
            chars[q] = this[q];
        }

        return new string(chars);
    }

    /// <summary>Sparse form "X0 Y3", or "I" for the identity.</summary>
    public override string ToString()
    {
        if (IsIdentity)
        {
            return "I";
        }

        var sb = new StringBuilder();
        for (var q = 0; q < MinQubits; q++)
        {
            var c = this[q];
            if (c != 'I')
            {
                if (sb.Length > 0)
                {
                    sb.Append(' ');
                }

                sb.Append(c).Append(q);
            }
        }

        return sb.ToString();
    }
}
