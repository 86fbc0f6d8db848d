using System.Numerics;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Quantum.Chemistry.Mapping;

/// <summary>
/// A linear combination of Pauli strings with complex coefficients, closed under products (phases
/// tracked exactly): the images of fermionic ladder operators and their products. Qubit q is bit q of
/// the masks, as in <see cref="PauliString"/> (Y where both masks are set).
/// </summary>
public sealed class QubitOperator
{
    private static readonly Complex[] PhasePowers = [Complex.One, Complex.ImaginaryOne, -Complex.One, -Complex.ImaginaryOne];

    private readonly Dictionary<PauliString, Complex> _terms = [];

    /// <summary>The terms (zero coefficients may be present until <see cref="ToPauliSum"/> drops them).</summary>
    public IReadOnlyDictionary<PauliString, Complex> Terms => _terms;

    /// <summary>One term c·P.</summary>
    public static QubitOperator Of(Complex coefficient, PauliString pauli)
    {
        var op = new QubitOperator();
        op.Add(coefficient, pauli);
        return op;
    }

    /// <summary>Adds c·P.</summary>
    public void Add(Complex coefficient, PauliString pauli)
    {
        _terms[pauli] = _terms.TryGetValue(pauli, out var existing) ? existing + coefficient : coefficient;
    }

    /// <summary>Adds factor·other.</summary>
    public void Add(Complex factor, QubitOperator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (pauli, c) in other._terms)
        {
            Add(factor * c, pauli);
        }
    }

    /// <summary>The operator product a·b.</summary>
    public static QubitOperator operator *(QubitOperator a, QubitOperator b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var product = new QubitOperator();
        foreach (var (pa, ca) in a._terms)
        {
            foreach (var (pb, cb) in b._terms)
            {
                var (p, phase) = Multiply(pa, pb);
                product.Add(ca * cb * phase, p);
            }
        }

        return product;
    }

    /// <summary>
    /// The product of two Pauli strings: P_a·P_b = phase·P. With σ(x,z) = i^{xz} X^x Z^z per qubit,
    /// σ(a)σ(b) = i^{|x_a∧z_a| + |x_b∧z_b| + 2|z_a∧x_b| − |x∧z|} σ(a⊕b).
    /// </summary>
    public static (PauliString Product, Complex Phase) Multiply(PauliString a, PauliString b)
    {
        var x = a.XMask ^ b.XMask;
        var z = a.ZMask ^ b.ZMask;
        var exponent = Pop(a.XMask & a.ZMask) + Pop(b.XMask & b.ZMask) + 2 * Pop(a.ZMask & b.XMask) - Pop(x & z);
        return (new PauliString(x, z), PhasePowers[((exponent % 4) + 4) % 4]);
    }

    /// <summary>
    /// The Hermitian sum of the real parts, dropping coefficients below <paramref name="dropBelow"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">An imaginary part exceeds <paramref name="hermitianTolerance"/> (the operator is not Hermitian).</exception>
    public PauliSum ToPauliSum(int numQubits, double dropBelow = 1e-13, double hermitianTolerance = 1e-9)
    {
        var terms = new List<PauliTerm>();
        foreach (var (pauli, c) in _terms.OrderBy(t => t.Key.Weight).ThenBy(t => t.Key.ZMask).ThenBy(t => t.Key.XMask))
        {
            if (Math.Abs(c.Imaginary) > hermitianTolerance)
            {
                throw new InvalidOperationException($"The operator is not Hermitian: {pauli} has coefficient {c}.");
            }

            if (Math.Abs(c.Real) >= dropBelow)
            {
                terms.Add(new PauliTerm(c.Real, pauli));
            }
        }

        return new PauliSum(terms, numQubits);
    }

    private static int Pop(ulong mask) => BitOperations.PopCount(mask);
}
