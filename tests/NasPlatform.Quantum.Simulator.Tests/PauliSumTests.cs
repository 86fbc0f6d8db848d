using System.Numerics;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Quantum.Simulator.Tests;

public class PauliSumTests
{
    [Fact]
    public void Parses_sparse_terms_constants_and_signs()
    {
        var h = PauliSum.Parse("0.5 Z0 Z1 + 0.3 X2 - 1.0");
        Assert.Equal(3, h.NumQubits);
        Assert.Equal(3, h.Terms.Count);
        Assert.Equal(0.5, h.Terms[0].Coefficient);
        Assert.Equal("ZZI", h.Terms[0].Pauli.ToDense(3));
        Assert.Equal("IIX", h.Terms[1].Pauli.ToDense(3));
        Assert.Equal(-1.0, h.Constant);
        Assert.Equal("0.5 Z0 Z1 + 0.3 X2 - 1", h.ToString());
        Assert.Equal(h.ToString(), PauliSum.Parse(h.ToString()).ToString());
    }

    [Fact]
    public void Parses_dense_strings_with_qubit_0_leftmost_and_other_spellings()
    {
        var dense = PauliSum.Parse("0.17 ZZII - 2e-1 IIZY\n# comment\n + XIII");
        Assert.Equal(4, dense.NumQubits);
        Assert.Equal(PauliString.Single('Z', 0).Times(PauliString.Single('Z', 1)), dense.Terms[0].Pauli);
        Assert.Equal('Y', dense.Terms[1].Pauli[3]);
        Assert.Equal(-0.2, dense.Terms[1].Coefficient, 15);
        Assert.Equal(1.0, dense.Terms[2].Coefficient);
        var star = PauliSum.Parse("-0.5*X0*X1 + 0.5 X1 X0");
        Assert.Empty(star.Terms);
        Assert.Equal("0.17 ZZII - 0.2 IIZY + 1 XIII", dense.ToDenseString());
    }

    [Theory]
    [InlineData("0.5 Z0 Q1", "column 8")]
    [InlineData("0.5 Z0 Z0", "a qubit appears twice")]
    [InlineData("0.5 Z0 +", "expected a term")]
    [InlineData("0.5 Z0\n 0.3 X1", "line 2, column 2")]
    [InlineData("Z0 Zb", "cannot follow a Pauli factor")]
    public void Bad_input_names_the_place_and_the_fix(string text, string expected)
    {
        var ex = Assert.Throws<FormatException>(() => PauliSum.Parse(text, source: "h.txt"));
        Assert.Contains("h.txt", ex.Message);
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void Expectation_and_apply_match_the_dense_kronecker_matrix()
    {
        var rng = new Random(3);
        const int n = 6;
        var letters = "IXYZ";
        for (var trial = 0; trial < 5; trial++)
        {
            var terms = new List<PauliTerm>();
            for (var k = 0; k < 12; k++)
            {
                var dense = new string(Enumerable.Range(0, n).Select(_ => letters[rng.Next(4)]).ToArray());
                // Repeat flip patterns: groups of 1-2 terms (signs on the fly) and of 4 (weight table).
                if (trial % 2 == 0 ? k % 3 == 2 : k % 4 != 0)
                {
                    dense = new string(terms[^1].Pauli.ToDense(n).Select(c => c is 'X' or 'Y' ? (rng.Next(2) == 0 ? 'X' : 'Y') : (rng.Next(2) == 0 ? 'Z' : 'I')).ToArray());
                }

                terms.Add(new PauliTerm(rng.NextDouble() * 2 - 1, PauliString.FromDense(dense)));
            }

            var h = new PauliSum(terms, n);
            var matrix = DenseMatrix(h, n);
            var bra = RandomCircuits.RandomState(n, rng);
            var ket = RandomCircuits.RandomState(n, rng);
            var ketVector = Enumerable.Range(0, ket.Length).Select(i => ket[i]).ToArray();
            var hKet = Dense.Apply(matrix, ketVector);
            var expected = Complex.Zero;
            var expectedDiagonal = Complex.Zero;
            for (var i = 0; i < hKet.Length; i++)
            {
                expected += Complex.Conjugate(bra[i]) * hKet[i];
                expectedDiagonal += Complex.Conjugate(ket[i]) * hKet[i];
            }

            Assert.True((h.BraKet(bra, ket) - expected).Magnitude < 1e-12);
            Assert.Equal(expectedDiagonal.Real, h.Expectation(ket), 12);
            var output = new StateVector(n);
            h.Apply(ket, output);
            Assert.True(Dense.MaxDifference(output, hKet) < 1e-12);
        }
    }

    [Fact]
    public void Shot_estimates_converge_to_the_exact_expectation()
    {
        var rng = new Random(9);
        var (circuit, parameters) = RandomCircuits.Make(4, 30, rng);
        var state = new StateVector(4);
        circuit.Apply(state, parameters);
        var h = PauliSum.Parse("0.7 Z0 Z1 - 0.4 X2 + 0.3 Y1 Y3 + 0.2 X0 Z3 + 0.5");
        var exact = h.Expectation(state);
        var estimate = h.EstimateExpectation(state, 200_000, new Random(1));
        Assert.Equal(exact, estimate, 2);
        Assert.Equal(estimate, h.EstimateExpectation(state, 200_000, new Random(1)));
        Assert.True(h.MeasurementGroups().Count <= 4);
    }

    [Fact]
    public void Sampling_follows_the_born_rule_and_the_seed()
    {
        var s = new StateVector(3);
        s.ApplyGate(GateKind.RY, 0, -1, 2 * Math.Acos(Math.Sqrt(0.25)));
        s.ApplyGate(GateKind.X, 2);
        var counts = s.SampleCounts(100_000, new Random(4));
        Assert.Equal(2, counts.Count);
        Assert.Equal(0.25, counts["001"] / 100_000.0, 2);
        Assert.Equal(0.75, counts["101"] / 100_000.0, 2);
        Assert.Equal(s.Sample(50, new Random(8)), s.Sample(50, new Random(8)));
    }

    /// <summary>Σ c_k ⊗_q σ_q built from Kronecker products, qubit 0 leftmost.</summary>
    private static Complex[,] DenseMatrix(PauliSum h, int n)
    {
        var dim = 1 << n;
        var total = new Complex[dim, dim];
        foreach (var term in h.Terms)
        {
            var m = new Complex[,] { { 1 } };
            for (var q = 0; q < n; q++)
            {
                m = Dense.Kron(m, Textbook.Pauli(term.Pauli[q]));
            }

            for (var i = 0; i < dim; i++)
            {
                for (var j = 0; j < dim; j++)
                {
                    total[i, j] += term.Coefficient * m[i, j];
                }
            }
        }

        return total;
    }
}
