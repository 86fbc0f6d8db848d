using System.Numerics;
using NasPlatform.Quantum.Chemistry.Ansatz;
using NasPlatform.Quantum.Chemistry.Hamiltonian;
using NasPlatform.Quantum.Chemistry.Integrals;
using NasPlatform.Quantum.Chemistry.Mapping;
using NasPlatform.Quantum.Chemistry.Tests.Psi4;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Quantum.Chemistry.Tests.Ansatz;

public class ExcitationTests
{
    public static TheoryData<FermionMappingKind, bool> Mappings()
    {
        var data = new TheoryData<FermionMappingKind, bool>();
        foreach (var kind in Enum.GetValues<FermionMappingKind>())
        {
            data.Add(kind, false);
            data.Add(kind, true);
        }

        return data;
    }

    [Fact]
    public void The_pool_holds_the_spin_conserving_singles_and_doubles()
    {
        var lih = LiH(FermionMappingKind.JordanWigner, taper: false);
        var pool = ExcitationPool.SinglesAndDoubles(lih);
        // One alpha and one beta electron in 5 orbitals: 4 + 4 singles, 4 × 4 alpha-beta doubles.
        Assert.Equal(8, pool.Count(e => !e.IsDouble));
        Assert.Equal(16, pool.Count(e => e.IsDouble));
        Assert.Contains(new Excitation([0, 5], [1, 6]), pool);
    }

    [Theory]
    [MemberData(nameof(Mappings))]
    public void Each_excitation_circuit_is_exactly_exp_of_its_generator(FermionMappingKind mapping, bool taper)
    {
        var lih = LiH(mapping, taper);
        var hf = StateVector.FromBasisString(lih.HartreeFockState);
        foreach (var excitation in ExcitationPool.SinglesAndDoubles(lih).Where((_, k) => k % 5 == 0))
        {
            var generator = ExcitationGenerators.Generator(lih, excitation);
            var circuit = new Circuit(lih.NumQubits);
            PauliRotations.AppendExponential(circuit, generator, 0);
            var state = hf.Clone();
            circuit.Apply(state, [0.37]);
            var expected = Exponential(generator, 0.37, hf);
            Assert.True(state.Fidelity(expected) > 1 - 1e-12, $"{excitation}: fidelity {state.Fidelity(expected)}");
            Assert.Equal(1.0, Math.Abs(state.InnerProduct(expected).Real), 10);
        }
    }

    [Theory]
    [MemberData(nameof(Mappings))]
    public void A_double_at_a_quarter_turn_moves_Hartree_Fock_onto_the_doubly_excited_determinant(FermionMappingKind mapping, bool taper)
    {
        var lih = LiH(mapping, taper);
        var excitation = new Excitation([0, 5], [1, 6]);
        var circuit = new Circuit(lih.NumQubits);
        PauliRotations.AppendExponential(circuit, ExcitationGenerators.Generator(lih, excitation), 0);
        var state = StateVector.FromBasisString(lih.HartreeFockState);
        circuit.Apply(state, [Math.PI / 2]);
        var target = lih.ToIndex(lih.QubitBits((1UL << 1) | (1UL << 6)));
        Assert.Equal(1.0, state.Probability(target), 10);
    }

    [Theory]
    [MemberData(nameof(Mappings))]
    public void Uccsd_stays_in_the_molecules_sector(FermionMappingKind mapping, bool taper)
    {
        var lih = LiH(mapping, taper);
        var uccsd = UccsdAnsatz.Build(lih);
        var rng = new Random(5);
        var parameters = Enumerable.Range(0, uccsd.Excitations.Count).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var state = new StateVector(lih.NumQubits);
        uccsd.Circuit.Apply(state, parameters);
        Assert.True(lih.Sector.WeightOutside(state) < 1e-20);
        Assert.True(lih.Hamiltonian.Expectation(state) >= lih.SectorGroundState().Energy - 1e-10);
    }

    [Fact]
    public void Qubit_excitations_drop_the_parity_strings()
    {
        var lih = LiH(FermionMappingKind.JordanWigner, taper: false);
        var double_ = new Excitation([0, 5], [2, 8]);
        var fermionic = ExcitationGenerators.Generator(lih, double_);
        var qubit = ExcitationGenerators.Generator(lih, double_, qubitExcitation: true);
        Assert.All(qubit.Terms, t => Assert.Equal(4, t.Pauli.Weight));
        Assert.Contains(fermionic.Terms, t => t.Pauli.Weight > 4);
        var uccsd = UccsdAnsatz.Build(lih);
        var qeb = UccsdAnsatz.Build(lih, qubitExcitations: true);
        Assert.True(qeb.CnotCount < uccsd.CnotCount, $"{qeb.CnotCount} vs {uccsd.CnotCount}");
        Assert.Throws<ArgumentException>(() => ExcitationGenerators.Generator(LiH(FermionMappingKind.Parity, false), double_, qubitExcitation: true));
    }

    private static MolecularQubitHamiltonian LiH(FermionMappingKind mapping, bool taper)
    {
        var psi4 = Psi4Molecules.Get(Psi4Molecules.LiHFrozenCore);
        return MolecularQubitHamiltonian.Build(ActiveSpace.Select(FcidumpReader.Read(psi4.FcidumpPath), 1, 5), mapping, taper);
    }

    /// <summary>exp(iθG)|ψ⟩ by its Taylor series (G Hermitian, small norm).</summary>
    private static StateVector Exponential(PauliSum generator, double theta, StateVector psi)
    {
        var result = psi.Clone();
        var term = psi.Clone();
        var next = new StateVector(psi.NumQubits);
        for (var k = 1; k < 60; k++)
        {
            generator.Apply(term, next);
            var factor = new Complex(0, theta / k);
            for (var i = 0; i < term.Length; i++)
            {
                var v = factor * new Complex(next.Re[i], next.Im[i]);
                term.Re[i] = v.Real;
                term.Im[i] = v.Imaginary;
                result.Re[i] += v.Real;
                result.Im[i] += v.Imaginary;
            }
        }

        return result;
    }
}
