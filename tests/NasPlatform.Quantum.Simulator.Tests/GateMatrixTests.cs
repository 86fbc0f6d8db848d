using System.Numerics;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Quantum.Simulator.Tests;

public class GateMatrixTests
{
    private const double Tol = 1e-12;

    public static TheoryData<GateKind> Kinds()
    {
        var data = new TheoryData<GateKind>();
        foreach (var kind in RandomCircuits.AllKinds)
        {
            data.Add(kind);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_gate_matches_its_textbook_matrix_in_both_qubit_orders(GateKind kind)
    {
        var rng = new Random(7 + (int)kind);
        var angles = Enumerable.Range(0, Gates.AngleCount(kind)).Select(_ => Angle.Constant(rng.NextDouble() * 7 - 3.5)).ToArray();
        var matrix = kind switch
        {
            GateKind.Unitary1 => Textbook.RandomUnitary(2, rng),
            GateKind.Unitary2 => Textbook.RandomUnitary(4, rng),
            _ => null,
        };
        foreach (var (q0, q1) in new[] { (0, 1), (1, 0) })
        {
            var n = 2;
            var circuit = new Circuit(n).Add(Circuit.MakeOp(kind, q0, Gates.Arity(kind) == 2 ? q1 : -1, angles, matrix));
            var expected = Dense.CircuitUnitary(circuit, []);
            Assert.True(Dense.MaxDifference(circuit.ToUnitary([]), expected) < Tol, $"{kind} on ({q0},{q1})");
        }
    }

    [Fact]
    public void Two_qubit_matrices_use_the_first_qubit_as_the_high_bit()
    {
        // CNOT with control 0 maps |10⟩ to |11⟩ (qubit 0 leftmost).
        var s = StateVector.FromBasisString("10");
        s.ApplyGate(GateKind.CNOT, 0, 1);
        Assert.Equal(1.0, s.Probability(StateVector.ParseBasisString("11")), 12);
        var t = StateVector.FromBasisString("01");
        t.ApplyGate(GateKind.CNOT, 0, 1);
        Assert.Equal(1.0, t.Probability(StateVector.ParseBasisString("01")), 12);
    }

    [Fact]
    public void X_on_qubit_0_sets_the_leftmost_bit()
    {
        var s = new StateVector(4);
        s.ApplyGate(GateKind.X, 0);
        Assert.Equal("1000", s.FormatBasis(8));
        Assert.Equal(1.0, s.Probability(8), 12);
    }

    [Fact]
    public void Standard_identities_hold()
    {
        Same(new Circuit(1).H(0).X(0).H(0), new Circuit(1).Z(0));
        Same(new Circuit(1).S(0).S(0), new Circuit(1).Z(0));
        Same(new Circuit(1).T(0).T(0), new Circuit(1).S(0));
        Same(new Circuit(1).SX(0).SX(0), new Circuit(1).X(0));
        Same(new Circuit(1).S(0).Sdg(0), new Circuit(1).I(0));
        Same(new Circuit(1).T(0).Tdg(0), new Circuit(1).I(0));
        Same(new Circuit(2).H(1).CZ(0, 1).H(1), new Circuit(2).CNOT(0, 1));
        Same(new Circuit(2).CNOT(0, 1).CNOT(1, 0).CNOT(0, 1), new Circuit(2).SWAP(0, 1));
        Same(new Circuit(2).CZ(0, 1), new Circuit(2).CZ(1, 0));
        const double theta = 0.913;
        // RZZ(θ) = CNOT · RZ(θ) on target · CNOT
        Same(new Circuit(2).CNOT(0, 1).RZ(1, theta).CNOT(0, 1), new Circuit(2).RZZ(0, 1, theta));
        // RXX(θ) = (H⊗H) RZZ(θ) (H⊗H)
        Same(new Circuit(2).H(0).H(1).CNOT(0, 1).RZ(1, theta).CNOT(0, 1).H(0).H(1), new Circuit(2).RXX(0, 1, theta));
        // RYY(θ) = (RX(π/2)⊗RX(π/2)) RZZ(θ) (RX(−π/2)⊗RX(−π/2))
        Same(
            new Circuit(2).RX(0, Math.PI / 2).RX(1, Math.PI / 2).RZZ(0, 1, theta).RX(0, -Math.PI / 2).RX(1, -Math.PI / 2),
            new Circuit(2).RYY(0, 1, theta));
        // CRZ(θ) = RZ(θ/2) on target, CNOT, RZ(−θ/2), CNOT
        Same(new Circuit(2).RZ(1, theta / 2).CNOT(0, 1).RZ(1, -theta / 2).CNOT(0, 1), new Circuit(2).CRZ(0, 1, theta));
        // CRY(θ) = RY(θ/2), CNOT, RY(−θ/2), CNOT
        Same(new Circuit(2).RY(1, theta / 2).CNOT(0, 1).RY(1, -theta / 2).CNOT(0, 1), new Circuit(2).CRY(0, 1, theta));
        // P(λ) = e^{iλ/2} RZ(λ)
        SameUpToPhase(new Circuit(1).P(0, theta), new Circuit(1).RZ(0, theta));
        // U3(θ, φ, λ) = e^{i(φ+λ)/2} RZ(φ) RY(θ) RZ(λ)
        SameUpToPhase(new Circuit(1).U3(0, 0.3, 1.1, -0.7), new Circuit(1).RZ(0, -0.7).RY(0, 0.3).RZ(0, 1.1));
        // RX(θ) = H RZ(θ) H
        Same(new Circuit(1).H(0).RZ(0, theta).H(0), new Circuit(1).RX(0, theta));
    }

    [Fact]
    public void Non_unitary_matrices_are_rejected_with_the_error_size()
    {
        var bad = new ComplexMatrix(2, [1, 1, 0, 1]);
        var ex = Assert.Throws<ArgumentException>(() => new Circuit(1).Unitary(0, bad));
        Assert.Contains("not unitary", ex.Message);
    }

    private static void Same(Circuit a, Circuit b) =>
        Assert.True(Dense.MaxDifference(a.ToUnitary([]), b.ToUnitary([])) < Tol);

    private static void SameUpToPhase(Circuit a, Circuit b)
    {
        var ua = a.ToUnitary([]);
        var ub = b.ToUnitary([]);
        var phase = ua[0, 0].Magnitude > 0.1 ? ua[0, 0] / ub[0, 0] : ua[1, 0] / ub[1, 0];
        Assert.Equal(1.0, phase.Magnitude, 12);
        for (var i = 0; i < ua.GetLength(0); i++)
        {
            for (var j = 0; j < ua.GetLength(1); j++)
            {
                Assert.True((ua[i, j] - phase * ub[i, j]).Magnitude < Tol);
            }
        }
    }
}
