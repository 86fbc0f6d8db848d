using System.Globalization;
using System.Numerics;
using System.Text;

namespace NasPlatform.Quantum.Simulator;

/// <summary>
/// A Hermitian operator Σ c_k P_k with real coefficients (a Hamiltonian or observable). Like terms are
/// merged. Expectation values and H|ψ⟩ run in place over the state: terms that flip the same qubits are
/// evaluated together in one pass, with no copy of the state per term.
/// </summary>
public sealed class PauliSum
{
    private readonly PauliTerm[] _terms;
    private CompiledPauliSum? _compiled;

    public PauliSum(IEnumerable<PauliTerm> terms, int numQubits = 0)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var merged = new Dictionary<PauliString, double>();
        var order = new List<PauliString>();
        foreach (var term in terms)
        {
            if (!double.IsFinite(term.Coefficient))
            {
                throw new ArgumentException($"The coefficient of {term.Pauli} is {term.Coefficient}; coefficients must be finite.", nameof(terms));
            }

            if (merged.TryGetValue(term.Pauli, out var existing))
            {
                merged[term.Pauli] = existing + term.Coefficient;
            }
            else
            {
                merged[term.Pauli] = term.Coefficient;
                order.Add(term.Pauli);
            }
        }

        _terms = order.Where(p => merged[p] != 0.0).Select(p => new PauliTerm(merged[p], p)).ToArray();
        NumQubits = Math.Max(Math.Max(numQubits, 1), _terms.Length == 0 ? 1 : _terms.Max(t => t.Pauli.MinQubits));
    }

    public IReadOnlyList<PauliTerm> Terms => _terms;

    /// <summary>The register the operator is meant for (at least one more than its highest qubit).</summary>
    public int NumQubits { get; }

    /// <summary>Coefficient of the identity term.</summary>
    public double Constant => _terms.Where(t => t.Pauli.IsIdentity).Sum(t => t.Coefficient);

    /// <summary>Parses "0.5 Z0 Z1 + 0.3 X2 - 1.0" or dense strings "0.17 ZZII - 0.2 IIZZ" (qubit 0 leftmost).</summary>
    /// <param name="text">The sum.</param>
    /// <param name="numQubits">Register size; 0 to infer it from the terms.</param>
    /// <param name="source">Named in error messages (e.g. the file name).</param>
    public static PauliSum Parse(string text, int numQubits = 0, string source = "Pauli sum")
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new PauliSumParser(text, source);
        var terms = parser.Parse();
        return new PauliSum(terms, Math.Max(numQubits, parser.MaxDenseLength));
    }

    public static PauliSum operator +(PauliSum a, PauliSum b) =>
        new(a._terms.Concat(b._terms), Math.Max(a.NumQubits, b.NumQubits));

    public static PauliSum operator *(double factor, PauliSum a) =>
        new(a._terms.Select(t => t with { Coefficient = factor * t.Coefficient }), a.NumQubits);

    /// <summary>⟨ψ|H|ψ⟩ for a normalized state.</summary>
    public double Expectation(StateVector state) => BraKet(state, state).Real;

    /// <summary>⟨ψ|H|ψ⟩ for a normalized complex64 state, accumulated in double.</summary>
    public double Expectation(StateVectorSingle state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return Compile(state.NumQubits).BraKet(state.Re, state.Im, state.Re, state.Im).Real;
    }

    /// <summary>⟨bra|H|ket⟩.</summary>
    public Complex BraKet(StateVector bra, StateVector ket)
    {
        bra.RequireSameSize(ket);
        return Compile(ket.NumQubits).BraKet(bra.Re, bra.Im, ket.Re, ket.Im);
    }

    /// <summary>output ← H·input (output must be a different state of the same size).</summary>
    public void Apply(StateVector input, StateVector output)
    {
        input.RequireSameSize(output);
        if (ReferenceEquals(input, output))
        {
            throw new ArgumentException("Apply needs a separate output state.", nameof(output));
        }

        Compile(input.NumQubits).Apply(input.Re, input.Im, output.Re, output.Im);
    }

    /// <summary>output ← H·input for complex64 states (output must be a different state of the same size).</summary>
    public void Apply(StateVectorSingle input, StateVectorSingle output)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        if (input.NumQubits != output.NumQubits || ReferenceEquals(input, output))
        {
            throw new ArgumentException("Apply needs a separate output state of the same size.", nameof(output));
        }

        Compile(input.NumQubits).Apply(input.Re, input.Im, output.Re, output.Im);
    }

    /// <summary>
    /// Shot estimate of ⟨ψ|H|ψ⟩: qubit-wise commuting terms share a measurement basis; each basis gets
    /// <paramref name="shotsPerBasis"/> samples drawn from <paramref name="rng"/>.
    /// </summary>
    public double EstimateExpectation(StateVector state, int shotsPerBasis, Random rng)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shotsPerBasis, 1);
        ArgumentNullException.ThrowIfNull(rng);
        RequireFits(state.NumQubits);
        var estimate = Constant;
        var rotated = new StateVector(state.NumQubits);
        Span<System.Numerics.Complex> m = stackalloc System.Numerics.Complex[4];
        foreach (var group in MeasurementGroups())
        {
            var basis = group.Aggregate(PauliString.Identity, (acc, t) => new PauliString(acc.XMask | t.Pauli.XMask, acc.ZMask | t.Pauli.ZMask));
            rotated.CopyFrom(state);
            for (var q = 0; q < state.NumQubits; q++)
            {
                switch (basis[q])
                {
                    case 'X':
                        Gates.Matrix1(GateKind.H, [], m);
                        rotated.Apply1(q, m);
                        break;
                    case 'Y':
                        Gates.Matrix1(GateKind.Sdg, [], m);
                        rotated.Apply1(q, m);
                        Gates.Matrix1(GateKind.H, [], m);
                        rotated.Apply1(q, m);
                        break;
                }
            }

            var samples = rotated.Sample(shotsPerBasis, rng);
            foreach (var term in group)
            {
                var mask = ToBits(term.Pauli.XMask | term.Pauli.ZMask, state.NumQubits);
                var sum = 0L;
                foreach (var s in samples)
                {
                    sum += (BitOperations.PopCount((uint)(s & mask)) & 1) == 0 ? 1 : -1;
                }

                estimate += term.Coefficient * sum / shotsPerBasis;
            }
        }

        return estimate;
    }

    /// <summary>Greedy partition of the non-identity terms into qubit-wise commuting groups.</summary>
    public IReadOnlyList<IReadOnlyList<PauliTerm>> MeasurementGroups()
    {
        var groups = new List<List<PauliTerm>>();
        foreach (var term in _terms.Where(t => !t.Pauli.IsIdentity))
        {
            var home = groups.FirstOrDefault(g => g.All(other => other.Pauli.QubitWiseCommutes(term.Pauli)));
            if (home is null)
            {
                groups.Add([term]);
            }
            else
            {
                home.Add(term);
            }
        }

        return groups;
    }

    /// <summary>The dense 2^n×2^n matrix (small n only; for tests and tools).</summary>
    public Complex[,] ToMatrix(int numQubits)
    {
        if (numQubits > 12)
        {
            throw new InvalidOperationException("ToMatrix is for at most 12 qubits.");
        }

        var dim = 1 << numQubits;
        var m = new Complex[dim, dim];
        var basis = new StateVector(numQubits);
        var column = new StateVector(numQubits);
        for (var c = 0; c < dim; c++)
        {
            basis.SetBasisState(c);
            Apply(basis, column);
            for (var r = 0; r < dim; r++)
            {
                m[r, c] = column[r];
            }
        }

        return m;
    }

    /// <summary>"0.5 Z0 Z1 + 0.3 X2 - 1"; parses back to the same sum.</summary>
    public override string ToString() => Format(t => t.Pauli.IsIdentity ? string.Empty : t.Pauli.ToString());

    /// <summary>"0.5 ZZI + 0.3 IIX - 1 III" with one character per qubit, qubit 0 first.</summary>
    public string ToDenseString() => Format(t => t.Pauli.ToDense(NumQubits));

    private string Format(Func<PauliTerm, string> pauli)
    {
        if (_terms.Length == 0)
        {
            return "0";
        }

        var sb = new StringBuilder();
        foreach (var term in _terms)
        {
            var c = term.Coefficient;
            if (sb.Length == 0)
            {
                sb.Append(c < 0 ? "-" : string.Empty);
            }
            else
            {
                sb.Append(c < 0 ? " - " : " + ");
            }

            sb.Append(Math.Abs(c).ToString("R", CultureInfo.InvariantCulture));
            var p = pauli(term);
            if (p.Length > 0)
            {
                sb.Append(' ').Append(p);
            }
        }

        return sb.ToString();
    }

    internal void RequireFits(int numQubits)
    {
        if (numQubits < NumQubits)
        {
            throw new ArgumentException($"The operator acts on {NumQubits} qubits but the state has only {numQubits}.");
        }
    }

    internal CompiledPauliSum Compile(int numQubits)
    {
        RequireFits(numQubits);
        var compiled = _compiled;
        if (compiled is null || compiled.NumQubits != numQubits)
        {
            compiled = new CompiledPauliSum(_terms, numQubits);
            _compiled = compiled;
        }

        return compiled;
    }

    /// <summary>Maps a qubit mask to index bits (qubit q is bit n−1−q).</summary>
    internal static int ToBits(ulong qubitMask, int numQubits)
    {
        var bits = 0;
        while (qubitMask != 0)
        {
            var q = BitOperations.TrailingZeroCount(qubitMask);
            bits |= 1 << (numQubits - 1 - q);
            qubitMask &= qubitMask - 1;
        }

        return bits;
    }
}
