using System.Numerics;
using NasPlatform.Quantum.Chemistry.Mapping;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Quantum.Chemistry.Tests.Mapping;

public class FermionMappingTests
{
    public static TheoryData<FermionMappingKind, int> Cases()
    {
        var data = new TheoryData<FermionMappingKind, int>();
        foreach (var kind in Enum.GetValues<FermionMappingKind>())
        {
            foreach (var modes in new[] { 1, 4, 6, 7 })
            {
                data.Add(kind, modes);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Ladder_operators_satisfy_the_canonical_anticommutation_relations(FermionMappingKind kind, int modes)
    {
        var mapping = FermionMapping.Create(kind, modes);
        for (var i = 0; i < modes; i++)
        {
            for (var j = 0; j < modes; j++)
            {
                var ai = mapping.Annihilation(i);
                var ajDagger = mapping.Creation(j);
                var aj = mapping.Annihilation(j);
                AssertOperator(Anticommutator(ai, ajDagger), i == j ? 1.0 : 0.0);
                AssertOperator(Anticommutator(ai, aj), 0.0);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Creation_acts_on_encoded_Fock_states_with_the_Jordan_Wigner_sign(FermionMappingKind kind, int modes)
    {
        var mapping = FermionMapping.Create(kind, modes);
        for (var occupation = 0UL; occupation < 1UL << modes; occupation++)
        {
            Assert.Equal(occupation, mapping.Decode(mapping.Encode(occupation)));
            for (var j = 0; j < modes; j++)
            {
                var image = Apply(mapping.Creation(j), mapping.Encode(occupation));
                if (((occupation >> j) & 1) != 0)
                {
                    Assert.All(image.Values, c => Assert.True(c.Magnitude < 1e-12));
                    continue;
                }

                var target = mapping.Encode(occupation | (1UL << j));
                var sign = (BitOperations.PopCount(occupation & ((1UL << j) - 1)) & 1) == 0 ? 1.0 : -1.0;
                foreach (var (bits, amplitude) in image)
                {
                    var expected = bits == target ? sign : 0.0;
                    Assert.True((amplitude - expected).Magnitude < 1e-12, $"{kind} a†_{j} on {occupation}: amplitude {amplitude} at {bits}, expected {expected}.");
                }
            }
        }
    }

    [Fact]
    public void Jordan_Wigner_images_are_the_textbook_ones()
    {
        var mapping = FermionMapping.Create(FermionMappingKind.JordanWigner, 3);
        // a†_2 = Z0 Z1 (X2 − i Y2)/2.
        var created = mapping.Creation(2).Terms.Where(t => t.Value.Magnitude > 1e-12).ToDictionary(t => t.Key.ToString(), t => t.Value);
        Assert.Equal(2, created.Count);
        Assert.Equal(new Complex(0.5, 0), created["Z0 Z1 X2"]);
        Assert.Equal(new Complex(0, -0.5), created["Z0 Z1 Y2"]);
    }

    [Fact]
    public void Parity_and_Bravyi_Kitaev_store_the_documented_sums()
    {
        var parity = FermionMapping.Create(FermionMappingKind.Parity, 4);
        var bk = FermionMapping.Create(FermionMappingKind.BravyiKitaev, 4);
        // Occupations n = (1,0,1,1) (bit j = mode j).
        const ulong n = 0b1101;
        // Parity: b_q = n_0 + … + n_q = (1,1,0,1).
        Assert.Equal(0b1011UL, parity.Encode(n));
        // Bravyi–Kitaev on 4 modes: b0 = n0, b1 = n0+n1, b2 = n2, b3 = n0+n1+n2+n3 = (1,1,1,1).
        Assert.Equal(0b1111UL, bk.Encode(n));
    }

    [Fact]
    public void Pauli_products_track_the_phase()
    {
        var x = PauliString.Single('X', 0);
        var y = PauliString.Single('Y', 0);
        var z = PauliString.Single('Z', 0);
        Assert.Equal((z, Complex.ImaginaryOne), QubitOperator.Multiply(x, y));
        Assert.Equal((x, Complex.ImaginaryOne), QubitOperator.Multiply(y, z));
        Assert.Equal((y, -Complex.ImaginaryOne), QubitOperator.Multiply(x, z));
        Assert.Equal((PauliString.Identity, Complex.One), QubitOperator.Multiply(y, y));
    }

    private static QubitOperator Anticommutator(QubitOperator a, QubitOperator b)
    {
        var sum = a * b;
        sum.Add(1.0, b * a);
        return sum;
    }

    private static void AssertOperator(QubitOperator op, double identity)
    {
        foreach (var (pauli, c) in op.Terms)
        {
            var expected = pauli.IsIdentity ? identity : 0.0;
            Assert.True((c - expected).Magnitude < 1e-12, $"{pauli}: {c}, expected {expected}.");
        }
    }

    /// <summary>op|bits⟩ as amplitudes over qubit bit masks: σ(x,z)|b⟩ = i^{|x∧z|} (−1)^{|z∧b|} |b⊕x⟩.</summary>
    private static Dictionary<ulong, Complex> Apply(QubitOperator op, ulong bits)
    {
        var result = new Dictionary<ulong, Complex>();
        foreach (var (pauli, c) in op.Terms)
        {
            var phase = Complex.Pow(Complex.ImaginaryOne, BitOperations.PopCount(pauli.XMask & pauli.ZMask));
            var sign = (BitOperations.PopCount(pauli.ZMask & bits) & 1) == 0 ? 1 : -1;
            var target = bits ^ pauli.XMask;
            result[target] = (result.TryGetValue(target, out var existing) ? existing : Complex.Zero) + c * phase * sign;
        }

        return result;
    }
}
