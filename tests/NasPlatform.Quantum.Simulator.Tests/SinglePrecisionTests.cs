using System.Numerics;
using NasPlatform.Quantum.Simulator;
using NasPlatform.Quantum.Simulator.Kernels;

namespace NasPlatform.Quantum.Simulator.Tests;

/// <summary>complex64 states against the complex128 simulator: same circuits, differences at the rounding level only.</summary>
public class SinglePrecisionTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(9)]
    public void Every_gate_kind_on_every_qubit_matches_double_precision(int numQubits)
    {
        var rng = new Random(numQubits);
        // Enough gates that every in-lane / cross-vector and control / target placement occurs.
        var (circuit, theta) = RandomCircuits.Make(numQubits, 60 * numQubits, rng);
        var start = RandomCircuits.RandomState(numQubits, rng);
        var wide = start.Clone();
        var narrow = new StateVectorSingle(numQubits);
        narrow.CopyFrom(start);
        foreach (var op in circuit.Ops)
        {
            wide.ApplyOp(op, theta);
            narrow.ApplyOp(op, theta);
        }

        AssertClose(wide, narrow, 2e-5);
    }

    [Theory]
    [InlineData(6, false)]
    [InlineData(8, true)]
    [InlineData(11, true)]
    public void Fused_plans_match_double_precision(int numQubits, bool intoTwoQubitGates)
    {
        var rng = new Random(100 + numQubits);
        var (circuit, theta) = RandomCircuits.Make(numQubits, 40 * numQubits, rng);
        var plan = circuit.Fuse(intoTwoQubitGates);
        var wide = new StateVector(numQubits);
        var narrow = new StateVectorSingle(numQubits);
        plan.Apply(wide, theta);
        plan.Apply(narrow, theta);
        AssertClose(wide, narrow, 2e-5);
        Assert.Equal(1.0, narrow.NormSquared(), 4);
    }

    [Theory]
    [InlineData(3, 0, -1)]
    [InlineData(5, 1, 4)]
    [InlineData(5, 2, 0)]
    [InlineData(6, 4, 1)]
    [InlineData(6, 5, 3)]
    public void Vector_kernels_match_the_scalar_reference(int numQubits, int targetBit, int controlBit)
    {
        var rng = new Random(7);
        var start = RandomCircuits.RandomState(numQubits, rng);
        var m = new Complex[4];
        Gates.Matrix1(GateKind.U3, [0.7, -1.1, 2.3], m);
        var vector = new StateVectorSingle(numQubits);
        vector.CopyFrom(start);
        var scalar = new StateVectorSingle(numQubits);
        scalar.CopyFrom(start);
        OneQubitKernelSingle.Run(vector.Re, vector.Im, numQubits, targetBit, controlBit, m);
        OneQubitKernelSingle.RunScalar(scalar.Re, scalar.Im, numQubits, targetBit, controlBit, m);
        AssertClose(scalar.ToDouble(), vector, 1e-6);
        // The pass did something: the target's pairs were mixed.
        Assert.True(Math.Abs(vector.Re[0] - (float)start.Re[0]) + Math.Abs(vector.Re[^1] - (float)start.Re[^1]) > 1e-3);
    }

    [Fact]
    public void Expectation_matches_double_precision()
    {
        var rng = new Random(3);
        foreach (var (h, n) in new[] { (Hamiltonians.TransverseFieldIsing(6), 6), (Hamiltonians.HeisenbergXxz(5, jz: 0.5), 5), (Hamiltonians.H2Sto3G(), 4) })
        {
            var state = RandomCircuits.RandomState(n, rng);
            var narrow = new StateVectorSingle(n);
            narrow.CopyFrom(state);
            Assert.Equal(h.Expectation(state), h.Expectation(narrow), 5);
            Assert.Equal(h.Expectation(narrow.ToDouble()), h.Expectation(narrow), 10);
        }
    }

    [Fact]
    public void H2_vqe_in_single_precision_reaches_the_double_precision_energy()
    {
        // A 4-qubit H2 ansatz with 8 parameters: RY layer, CNOT ladder, RY layer, from Hartree–Fock |1100⟩.
        var circuit = new Circuit(4).X(0).X(1);
        for (var q = 0; q < 4; q++)
        {
            circuit.RY(q, Angle.Parameter(q));
        }

        circuit.CNOT(0, 1).CNOT(1, 2).CNOT(2, 3);
        for (var q = 0; q < 4; q++)
        {
            circuit.RY(q, Angle.Parameter(4 + q));
        }

        var h = Hamiltonians.H2Sto3G();
        var plan = circuit.Fuse();
        var narrow = new StateVectorSingle(4);
        double SingleEnergy(double[] t)
        {
            narrow.Reset();
            plan.Apply(narrow, t);
            return h.Expectation(narrow);
        }

        var wide = new StateVector(4);
        double DoubleEnergy(double[] t)
        {
            wide.Reset();
            plan.Apply(wide, t);
            return h.Expectation(wide);
        }

        var single = Descend(SingleEnergy, 8);
        var reference = Descend(DoubleEnergy, 8);
        Assert.True(Math.Abs(single - reference) < 1e-5, $"single {single:R}, double {reference:R}");
        Assert.True(reference - Hamiltonians.H2FciEnergy < 1.6e-3, $"double reached {reference:R}");
    }

    [Fact]
    public void Registers_of_the_wrong_size_are_refused()
    {
        var plan = new Circuit(3).H(0).Fuse();
        Assert.Throws<ArgumentException>(() => plan.Apply(new StateVectorSingle(4), []));
        Assert.Throws<ArgumentOutOfRangeException>(() => new StateVectorSingle(0));
        Assert.Throws<ArgumentException>(() => new StateVectorSingle(3).ApplyControlled1(1, 1, new Complex[4]));
    }

    /// <summary>Gradient descent with parameter-shift gradients (every parameter sits in one RY).</summary>
    private static double Descend(Func<double[], double> energy, int parameters)
    {
        var theta = Enumerable.Range(0, parameters).Select(p => 0.05 * (p % 3 - 1)).ToArray();
        var gradient = new double[parameters];
        for (var step = 0; step < 300; step++)
        {
            for (var p = 0; p < parameters; p++)
            {
                theta[p] += Math.PI / 2;
                var plus = energy(theta);
                theta[p] -= Math.PI;
                var minus = energy(theta);
                theta[p] += Math.PI / 2;
                gradient[p] = 0.5 * (plus - minus);
            }

            for (var p = 0; p < parameters; p++)
            {
                theta[p] -= 0.4 * gradient[p];
            }
        }

        return energy(theta);
    }

    private static void AssertClose(StateVector wide, StateVectorSingle narrow, double tolerance)
    {
        var worst = 0.0;
        for (var i = 0; i < wide.Length; i++)
        {
            worst = Math.Max(worst, Complex.Abs(wide[i] - narrow[i]));
        }

        Assert.True(worst < tolerance, $"largest amplitude difference {worst:E2} (tolerance {tolerance:E0})");
    }
}
