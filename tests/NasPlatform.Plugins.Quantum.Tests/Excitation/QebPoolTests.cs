using NasPlatform.Plugins.Quantum.Excitation;
using NasPlatform.Quantum.Chemistry.Ansatz;
using NasPlatform.Quantum.Chemistry.Mapping;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Plugins.Quantum.Tests.Excitation;

/// <summary>
/// The QEB pool (whole qubit excitations, Yordanov et al. 2021): its short circuits (2 CNOTs a single, 13 a double)
/// against the exact exponential of each generator, built independently as the product of its commuting Pauli
/// rotations; the electron sector kept to 1e-20; the CNOT count the space reports.
/// </summary>
public sealed class QebPoolTests
{
    // LiH's active space as in the examples: 5 orbitals, 2 electrons; alpha modes on qubits 0-4, beta on 5-9.
    private static readonly ExcitationRegister LiH = ExcitationRegister.Create(5, 2, FermionMappingKind.JordanWigner, taper: false);

    // 3 orbitals, 4 electrons: doubles whose modes interleave (0,1 -> 2,5 ...), so every qubit order of the ladder is met.
    private static readonly ExcitationRegister Small = ExcitationRegister.Create(3, 4, FermionMappingKind.JordanWigner, taper: false);

    [Fact]
    public void EveryOperatorsCircuitIsItsExactUnitaryOnEveryBasisState()
    {
        var pool = ExcitationOperatorPool.Create(Small, ExcitationOperatorPool.Qeb, TestCache.Shared);
        Assert.Contains(pool.Labels, l => l.Contains(',', StringComparison.Ordinal));
        for (var k = 0; k < pool.Count; k++)
        {
            var circuit = pool.BuildCircuit([k], prepareHartreeFock: false);
            var exact = new Circuit(Small.NumQubits);
            PauliRotations.AppendExponential(exact, pool.Generators[k], 0);
            foreach (var theta in new[] { 0.37, -1.9 })
            {
                for (var basis = 0; basis < 1 << Small.NumQubits; basis++)
                {
                    var (a, b) = (new StateVector(Small.NumQubits), new StateVector(Small.NumQubits));
                    a.SetBasisState(basis);
                    b.SetBasisState(basis);
                    circuit.Apply(a, [theta]);
                    exact.Apply(b, [theta]);
                    // Amplitudes, not fidelity: the circuit equals exp(iθG) including the phase.
                    var distance = Enumerable.Range(0, a.Length).Max(i => (a[i] - b[i]).Magnitude);
                    Assert.True(distance < 1e-12, $"{pool.Labels[k]} θ={theta} on basis {basis}: {distance}");
                }
            }
        }
    }

    [Fact]
    public void CircuitsMatchTheExactUnitaryOnAGenericLiHState()
    {
        var pool = ExcitationOperatorPool.Create(LiH, ExcitationOperatorPool.Qeb, TestCache.Shared);
        var rng = new Random(7);
        var prepare = new Circuit(LiH.NumQubits);
        for (var q = 0; q < LiH.NumQubits; q++)
        {
            prepare.RY(q, rng.NextDouble() * 3).RZ(q, rng.NextDouble() * 3);
        }

        for (var k = 0; k < pool.Count; k++)
        {
            var (a, b) = (new StateVector(LiH.NumQubits), new StateVector(LiH.NumQubits));
            prepare.Apply(a, []);
            prepare.Apply(b, []);
            pool.BuildCircuit([k], prepareHartreeFock: false).Apply(a, [0.8]);
            var exact = new Circuit(LiH.NumQubits);
            PauliRotations.AppendExponential(exact, pool.Generators[k], 0);
            exact.Apply(b, [0.8]);
            Assert.True(Enumerable.Range(0, a.Length).Max(i => (a[i] - b[i]).Magnitude) < 1e-12, pool.Labels[k]);
        }
    }

    [Fact]
    public void AQebCircuitStaysInTheElectronSector()
    {
        var pool = ExcitationOperatorPool.Create(LiH, ExcitationOperatorPool.Qeb, TestCache.Shared);
        var rng = new Random(3);
        var operators = Enumerable.Range(0, 12).Select(_ => rng.Next(pool.Count)).ToList();
        var circuit = pool.BuildCircuit(operators, prepareHartreeFock: true);
        var state = new StateVector(circuit.NumQubits);
        circuit.Apply(state, operators.Select(_ => rng.NextDouble() * 4 - 2).ToArray());
        Assert.True(WeightOutside(state) < 1e-20, $"weight outside the sector {WeightOutside(state)}");
        Assert.True(state.Probability(StateVector.ParseBasisString(LiH.HartreeFockState)) < 0.99, "the circuit moved the state");
    }

    [Fact]
    public void TheCnotCountIsTwoASingleAndThirteenADouble()
    {
        var space = ExcitationSpace.Create(TestContexts.Bind<ExcitationSpaceOptions>("""{ "orbitals": 5, "electrons": 2, "pool": "qeb", "maxOperators": 6 }"""), TestContexts.In());
        var fermionic = ExcitationSpace.Create(TestContexts.Bind<ExcitationSpaceOptions>("""{ "orbitals": 5, "electrons": 2, "maxOperators": 6 }"""), TestContexts.In());
        string[] labels = ["0->2", "5->7", "0,5->1,6"];
        var statistics = space.FreeStatistics(space.CandidateOf(labels.Select(space.Pool.IndexOf).ToList()));
        Assert.Equal(2 + 2 + 13, statistics["cnot_count"]);
        Assert.Equal(3, statistics["params"]);
        // The same excitations as fermionic CNOT ladders cost more: Z strings and eight strings per double.
        var fermionicCnots = fermionic.FreeStatistics(fermionic.CandidateOf(labels.Select(fermionic.Pool.IndexOf).ToList()))["cnot_count"];
        Assert.True(fermionicCnots > 2 * statistics["cnot_count"], $"fermionic {fermionicCnots}");
    }

    [Fact]
    public void TheQebPoolRefusesTaperedOrOtherMappings()
    {
        var error = Assert.Throws<NasPlatform.Abstractions.Plugins.ComponentConfigurationException>(() =>
            ExcitationSpace.Create(TestContexts.Bind<ExcitationSpaceOptions>("""{ "orbitals": 2, "electrons": 2, "pool": "qeb", "mapping": "parity", "taper": true }"""), TestContexts.In()));
        Assert.Contains("qeb pool (QEB-ADAPT) is defined on untapered Jordan-Wigner", error.Message, StringComparison.Ordinal);
    }

    private static double WeightOutside(StateVector state)
    {
        var weight = 0.0;
        for (var i = 0; i < state.Length; i++)
        {
            var bits = state.FormatBasis(i);
            if (bits[..5].Count(c => c == '1') != 1 || bits[5..].Count(c => c == '1') != 1)
            {
                weight += state.Probability(i);
            }
        }

        return weight;
    }
}
