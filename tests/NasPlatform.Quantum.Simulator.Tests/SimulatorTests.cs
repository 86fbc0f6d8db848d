using System.Numerics;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Quantum.Simulator.Tests;

public class SimulatorTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Random_6_qubit_circuits_equal_the_dense_reference(int seed)
    {
        var rng = new Random(seed);
        var (circuit, parameters) = RandomCircuits.Make(6, 60, rng);
        var expected = Dense.CircuitUnitary(circuit, parameters);
        var input = RandomCircuits.RandomState(6, rng);
        var inputVector = Enumerable.Range(0, input.Length).Select(i => input[i]).ToArray();
        var reference = Dense.Apply(expected, inputVector);

        var plain = input.Clone();
        circuit.Apply(plain, parameters);
        Assert.True(Dense.MaxDifference(plain, reference) < 1e-10);

        foreach (var intoTwo in new[] { false, true })
        {
            var fused = circuit.Fuse(intoTwo);
            Assert.True(fused.StepCount <= circuit.Ops.Count);
            var state = input.Clone();
            fused.Apply(state, parameters);
            Assert.True(Dense.MaxDifference(state, reference) < 1e-10, $"fused (into two-qubit gates: {intoTwo})");
        }
    }

    [Fact]
    public void Every_bit_position_and_control_position_matches_the_dense_reference()
    {
        // Small registers exercise the scalar path (n = 1), lane-internal bits (0, 1) and cross-vector bits.
        var rng = new Random(11);
        foreach (var n in new[] { 1, 2, 3, 5 })
        {
            for (var q = 0; q < n; q++)
            {
                var u = Textbook.RandomUnitary(2, rng);
                CheckOne(new Circuit(n).Unitary(q, u), rng);
                for (var r = 0; r < n; r++)
                {
                    if (r == q)
                    {
                        continue;
                    }

                    CheckOne(new Circuit(n).Unitary(q, r, Textbook.RandomUnitary(4, rng)), rng);
                    CheckOne(new Circuit(n).CRX(q, r, 0.77), rng);
                }
            }
        }
    }

    [Fact]
    public void Fusion_reduces_passes_for_a_layered_ansatz()
    {
        var c = new Circuit(6);
        for (var layer = 0; layer < 3; layer++)
        {
            for (var q = 0; q < 6; q++)
            {
                c.RY(q, Angle.Parameter(layer * 12 + q)).RZ(q, Angle.Parameter(layer * 12 + 6 + q));
            }

            for (var q = 0; q < 5; q++)
            {
                c.CNOT(q, q + 1);
            }
        }

        Assert.True(c.Fuse(false).StepCount <= c.Ops.Count - 18);
        Assert.True(c.Fuse(true).StepCount <= 16);
    }

    [Fact]
    public void Dense_gates_on_one_pair_share_a_pass_without_changing_the_result()
    {
        var c = new Circuit(4).H(2).RXX(0, 1, 0.3).RYY(1, 0, 0.4).RZZ(0, 1, 0.5).Unitary(1, 0, Textbook.RandomUnitary(4, new Random(2)))
            .CNOT(0, 1).CRX(1, 0, 0.2).SWAP(2, 3).RZ(3, 0.1);
        var fused = c.Fuse(false);
        // H | RXX RYY RZZ U | CNOT | CRX | SWAP | RZ
        Assert.Equal(6, fused.StepCount);
        var rng = new Random(3);
        var input = RandomCircuits.RandomState(4, rng);
        var expected = input.Clone();
        c.Apply(expected, []);
        var actual = input.Clone();
        fused.Apply(actual, []);
        Assert.True(Dense.MaxDifference(actual, Enumerable.Range(0, 16).Select(i => expected[i]).ToArray()) < 1e-12);
    }

    [Fact]
    public void In_gate_threading_gives_the_same_state()
    {
        var rng = new Random(12);
        var n = StateVector.ParallelMinQubits;
        var (circuit, parameters) = RandomCircuits.Make(n, 80, rng);
        var single = new StateVector(n);
        circuit.Apply(single, parameters);
        var threaded = new StateVector(n) { MaxDegreeOfParallelism = 3 };
        circuit.Apply(threaded, parameters);
        var worst = 0.0;
        for (var i = 0; i < single.Length; i++)
        {
            worst = Math.Max(worst, (single[i] - threaded[i]).Magnitude);
        }

        Assert.Equal(0.0, worst);
    }

    [Fact]
    public void Matrix_elements_match_a_dense_computation()
    {
        var rng = new Random(5);
        const int n = 5;
        var bra = RandomCircuits.RandomState(n, rng);
        var ket = RandomCircuits.RandomState(n, rng);
        var g = Textbook.RandomUnitary(2, rng);
        var g4 = Textbook.RandomUnitary(4, rng);
        for (var t = 0; t < n; t++)
        {
            Assert.True((ket.MatrixElement1(bra, t, -1, g.Entries) - DenseElement(bra, ket, Dense.Embed1(n, t, Dense.FromFlat(2, g.Entries)))).Magnitude < 1e-12);
            for (var c = 0; c < n; c++)
            {
                if (c == t)
                {
                    continue;
                }

                // Restricted to control = 1: |1⟩⟨1| ⊗ G.
                var restricted = Dense.Embed2(n, c, t, new Complex[,]
                {
                    { 0, 0, 0, 0 }, { 0, 0, 0, 0 }, { 0, 0, g[0, 0], g[0, 1] }, { 0, 0, g[1, 0], g[1, 1] },
                });
                Assert.True((ket.MatrixElement1(bra, t, c, g.Entries) - DenseElement(bra, ket, restricted)).Magnitude < 1e-12);
                Assert.True((ket.MatrixElement2(bra, c, t, g4.Entries) - DenseElement(bra, ket, Dense.Embed2(n, c, t, Dense.FromFlat(4, g4.Entries)))).Magnitude < 1e-12);
            }
        }
    }

    private static Complex DenseElement(StateVector bra, StateVector ket, Complex[,] m)
    {
        var v = Dense.Apply(m, Enumerable.Range(0, ket.Length).Select(i => ket[i]).ToArray());
        var sum = Complex.Zero;
        for (var i = 0; i < v.Length; i++)
        {
            sum += Complex.Conjugate(bra[i]) * v[i];
        }

        return sum;
    }

    private static void CheckOne(Circuit circuit, Random rng)
    {
        var input = RandomCircuits.RandomState(circuit.NumQubits, rng);
        var reference = Dense.Apply(Dense.CircuitUnitary(circuit, []), Enumerable.Range(0, input.Length).Select(i => input[i]).ToArray());
        var state = input.Clone();
        circuit.Apply(state, []);
        Assert.True(Dense.MaxDifference(state, reference) < 1e-12, string.Join(", ", circuit.Ops));
    }
}
