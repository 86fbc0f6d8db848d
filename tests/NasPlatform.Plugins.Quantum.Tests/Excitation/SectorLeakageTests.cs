using NasPlatform.Plugins.Quantum.Excitation;
using NasPlatform.Quantum.Chemistry.Ansatz;
using NasPlatform.Quantum.Chemistry.Mapping;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Plugins.Quantum.Tests.Excitation;

/// <summary>
/// Where qubit-ADAPT's sector_leakage comes from (examples/quantum/lih-qubit-adapt.json reports up to 1.5e-4):
/// not from the circuits (each Pauli rotation is compiled exactly) nor from the sector bookkeeping, but from the
/// pool itself. A single string X_i Y_a flips modes i and a together, so it maps |1_i 0_a⟩ to |0_i 1_a⟩ (an
/// excitation) but also |0_i 0_a⟩ to |1_i 1_a⟩ (two electrons more). Only the sum of a qubit excitation's strings,
/// (X_i Y_a − Y_i X_a)/2, keeps the count. LiH's active space here as in the example: 5 orbitals, 2 electrons,
/// Jordan–Wigner (alpha modes on qubits 0-4, beta on 5-9).
/// </summary>
public sealed class SectorLeakageTests
{
    private static readonly ExcitationRegister LiH = ExcitationRegister.Create(5, 2, FermionMappingKind.JordanWigner, taper: false);

    [Theory]
    [InlineData(0.3, 0.9)]
    [InlineData(1.1, -0.4)]
    public void TwoQubitPoolStringsLeakExactlyWhatTheirUnitariesLeak(double alpha, double beta)
    {
        var pool = ExcitationOperatorPool.Create(LiH, ExcitationOperatorPool.Qubit, TestCache.Shared);
        // A string on alpha modes 0 and 2 moves the alpha electron from 0 to 2; then one on modes 0 and 1, which are
        // both empty in that part of the state, fills both: three alpha electrons.
        var circuit = pool.BuildCircuit([StringOn(pool, 0, 2), StringOn(pool, 0, 1)], prepareHartreeFock: true);
        var state = new StateVector(circuit.NumQubits);
        circuit.Apply(state, [alpha, beta]);

        // exp(iαP) exp(iβQ) on |1_0 0_1 0_2⟩: the weight sin²α moved to |0_0 0_1 1_2⟩, of which sin²β goes to |1_0 1_1 1_2⟩.
        var expected = Math.Pow(Math.Sin(alpha) * Math.Sin(beta), 2);
        Assert.Equal(expected, WeightOutside(state, 1, 1), 12);
        Assert.Equal(expected, state.Probability(StateVector.ParseBasisString("1110010000")), 12);
    }

    [Fact]
    public void WholeQubitExcitationsAndFermionicExcitationsKeepTheSector()
    {
        // The alpha singles 0->2 and 0->1, as in the qubit-pool test above.
        var excitations = new[] { (From: 0, To: 2), (From: 0, To: 1) }
            .Select(e => LiH.Excitations.Single(x => !x.IsDouble && x.From[0] == e.From && x.To[0] == e.To))
            .ToList();
        foreach (var qubitExcitation in new[] { true, false })
        {
            var circuit = new Circuit(LiH.NumQubits);
            circuit.X(0).X(5);
            for (var k = 0; k < excitations.Count; k++)
            {
                PauliRotations.AppendExponential(circuit, LiH.Generator(excitations[k], qubitExcitation), k);
            }

            var state = new StateVector(circuit.NumQubits);
            circuit.Apply(state, [0.9, 1.3]);
            Assert.True(WeightOutside(state, 1, 1) < 1e-24, $"qubitExcitation={qubitExcitation}: {WeightOutside(state, 1, 1)}");
            Assert.True(state.Probability(StateVector.ParseBasisString("1000010000")) < 0.9, "the circuit moved the state");
        }
    }

    private static int StringOn(ExcitationOperatorPool pool, int a, int b)
    {
        var label = pool.Labels.First(l => l.Split(' ').Select(p => int.Parse(p[1..], System.Globalization.CultureInfo.InvariantCulture)).Order().SequenceEqual([a, b]));
        return pool.IndexOf(label);
    }

    private static double WeightOutside(StateVector state, int alpha, int beta)
    {
        var weight = 0.0;
        for (var i = 0; i < state.Length; i++)
        {
            var bits = state.FormatBasis(i);
            if (bits[..5].Count(c => c == '1') != alpha || bits[5..].Count(c => c == '1') != beta)
            {
                weight += state.Probability(i);
            }
        }

        return weight;
    }
}
