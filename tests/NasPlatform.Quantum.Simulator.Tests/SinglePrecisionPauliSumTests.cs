using System.Globalization;
using System.Text;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Quantum.Simulator.Tests;

/// <summary>
/// ⟨ψ|H|ψ⟩ and H|ψ⟩ on complex64 states run the double path's SIMD passes over widened lanes: they must agree with the
/// double computation on the same (widened) amplitudes for every flip class (lane permutations 0-3 and flips above
/// the vector), for groups kept as a weight table (three or more terms) and computed from signs (fewer), and below
/// two qubits, where the scalar loop remains.
/// </summary>
public sealed class SinglePrecisionPauliSumTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(9)]
    public void Expectation_and_apply_match_double_on_the_same_amplitudes(int n)
    {
        var rng = new Random(17 + n);
        var h = RandomSum(n, rng);
        var narrow = new StateVectorSingle(n);
        narrow.CopyFrom(RandomCircuits.RandomState(n, rng));
        var wide = narrow.ToDouble();

        Assert.Equal(h.Expectation(wide), h.Expectation(narrow), 10);

        var narrowOut = new StateVectorSingle(n);
        var wideOut = new StateVector(n);
        h.Apply(narrow, narrowOut);
        h.Apply(wide, wideOut);
        var norm = 0.0;
        for (var i = 0; i < wideOut.Length; i++)
        {
            Assert.True(Math.Abs(narrowOut.Re[i] - wideOut.Re[i]) <= 1e-5, $"re[{i}]: {narrowOut.Re[i]} vs {wideOut.Re[i]}");
            Assert.True(Math.Abs(narrowOut.Im[i] - wideOut.Im[i]) <= 1e-5, $"im[{i}]: {narrowOut.Im[i]} vs {wideOut.Im[i]}");
            norm += (wideOut.Re[i] * wideOut.Re[i]) + (wideOut.Im[i] * wideOut.Im[i]);
        }

        // H|ψ⟩ is not zero: the comparison above compared something.
        Assert.True(norm > 1e-3, $"‖H|ψ⟩‖² = {norm}");
    }

    /// <summary>
    /// Single Pauli strings on random qubits (every flip class), plus three terms that share the flip of X on qubit 0
    /// and three diagonal ZZ terms, so that both weight kinds (table and signs) occur.
    /// </summary>
    private static PauliSum RandomSum(int n, Random rng)
    {
        var text = new StringBuilder();
        for (var t = 0; t < 4 * n; t++)
        {
            var term = new StringBuilder();
            for (var q = 0; q < n; q++)
            {
                var letter = "IXYZ"[rng.Next(4)];
                term.Append(letter == 'I' ? string.Empty : $" {letter}{q}");
            }

            Append(text, (rng.NextDouble() * 2) - 1, term.Length == 0 ? $" Z{rng.Next(n)}" : term.ToString());
        }

        Append(text, 0.4, " X0");
        Append(text, -0.3, n > 1 ? " Y0 Z1" : " Y0");
        Append(text, 0.25, n > 1 ? $" X0 Z{n - 1}" : " Z0");
        for (var q = 0; q + 1 < n && q < 3; q++)
        {
            Append(text, 0.5 + (0.1 * q), $" Z{q} Z{q + 1}");
        }

        return PauliSum.Parse(text.ToString(), n);
    }

    private static void Append(StringBuilder text, double coefficient, string paulis)
    {
        var sign = coefficient < 0 ? "- " : text.Length == 0 ? string.Empty : "+ ";
        text.Append(CultureInfo.InvariantCulture, $"{(text.Length == 0 ? string.Empty : " ")}{sign}{Math.Abs(coefficient):R}{paulis}");
    }
}
