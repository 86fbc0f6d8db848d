using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Quantum.Simulator.Tests;

public class GradientTests
{
    private static readonly PauliSum Observable =
        PauliSum.Parse("0.7 Z0 Z1 - 0.4 X2 + 0.3 Y1 Y3 + 0.2 X0 Z3 - 0.6 Y4 + 0.45 Z2 X4 Y0 + 0.1");

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 0)]
    [InlineData(3, 6)]
    [InlineData(4, 4)]
    public void Adjoint_equals_parameter_shift_and_central_differences(int seed, int sharedParameters)
    {
        var rng = new Random(seed);
        // All gate kinds, some angles sharing parameters, scales and offsets.
        var (circuit, parameters) = RandomCircuits.Make(5, 50, rng, parameterCount: sharedParameters);
        var count = circuit.ParameterCount;
        Assert.True(count > 0);

        var adjoint = new double[count];
        var energy = new AdjointGradient(5).Evaluate(circuit, parameters, Observable, adjoint);
        var shift = new double[count];
        var shiftEnergy = ParameterShift.Gradient(circuit, parameters, Observable, shift);
        var finite = CentralDifferences(circuit, parameters);

        Assert.Equal(shiftEnergy, energy, 12);
        Assert.Equal(Energy(circuit, parameters), energy, 12);
        for (var p = 0; p < count; p++)
        {
            Assert.True(Math.Abs(adjoint[p] - shift[p]) < 1e-7, $"parameter {p}: adjoint {adjoint[p]}, shift {shift[p]}");
            Assert.True(Math.Abs(adjoint[p] - finite[p]) < 1e-7, $"parameter {p}: adjoint {adjoint[p]}, finite differences {finite[p]}");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Small_registers_use_the_scalar_and_in_lane_paths(int n)
    {
        var rng = new Random(40 + n);
        var kinds = n == 1 ? RandomCircuits.AllKinds.Where(k => Gates.Arity(k) == 1).ToArray() : RandomCircuits.AllKinds;
        var (circuit, parameters) = RandomCircuits.Make(n, 30, rng, kinds);
        var h = PauliSum.Parse(n == 1 ? "0.3 X0 - 0.8 Z0 + 0.2 Y0" : "0.3 X0 X1 - 0.8 Z0 + 0.4 Y1", n);
        var adjoint = new double[circuit.ParameterCount];
        new AdjointGradient(n).Evaluate(circuit, parameters, h, adjoint);
        var finite = CentralDifferences(circuit, parameters, h);
        for (var p = 0; p < adjoint.Length; p++)
        {
            Assert.True(Math.Abs(adjoint[p] - finite[p]) < 1e-7, $"parameter {p}: adjoint {adjoint[p]}, finite differences {finite[p]}");
        }
    }

    [Fact]
    public void Long_runs_of_one_qubit_gates_are_split_into_chunks()
    {
        var circuit = new Circuit(4).H(0).CNOT(0, 2);
        var next = 0;
        foreach (var q in new[] { 2, 3 })
        {
            for (var k = 0; k < 7; k++)
            {
                circuit.RX(q, Angle.Parameter(next++)).U3(q, Angle.Parameter(next++), 0.2, Angle.Parameter(next++)).S(q).RZ(q, Angle.Parameter(1));
            }
        }

        circuit.CNOT(2, 3).P(3, Angle.Parameter(next++));
        var theta = Enumerable.Range(0, next).Select(i => 0.1 * i - 1).ToArray();
        var h = PauliSum.Parse("Z2 Z3 + 0.4 X3 - 0.3 Y2 X0");
        var adjoint = new double[next];
        new AdjointGradient(4).Evaluate(circuit, theta, h, adjoint);
        var finite = CentralDifferences(circuit, theta, h);
        for (var p = 0; p < next; p++)
        {
            Assert.True(Math.Abs(adjoint[p] - finite[p]) < 1e-7, $"parameter {p}: adjoint {adjoint[p]}, finite differences {finite[p]}");
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(10)]
    public void Runs_of_diagonal_gates_take_one_pass_with_the_same_gradients(int n)
    {
        // Layers of RZ/P/S/T (some qubits twice, shared and scaled parameters) between RY layers and CNOT
        // chains: the backward sweep takes each diagonal run in one pass, over low and high index bits.
        var rng = new Random(70 + n);
        var circuit = new Circuit(n);
        var next = 0;
        for (var layer = 0; layer < 3; layer++)
        {
            for (var q = 0; q < n; q++)
            {
                circuit.RY(q, Angle.Parameter(next++));
            }

            for (var q = 0; q < n; q++)
            {
                circuit.RZ(q, Angle.Parameter(next++, 1.5, 0.1));
                if (q % 3 == 0)
                {
                    circuit.T(q).P((q + 1) % n, Angle.Parameter(next++)).RZ(q, Angle.Parameter(0, -0.5));
                }
            }

            circuit.S(n - 1).Sdg(0);
            for (var q = 0; q + 1 < n; q++)
            {
                circuit.CNOT(q, q + 1);
            }
        }

        circuit.Z(1).RZ(n - 1, Angle.Parameter(next++)).Tdg(0);
        var theta = Enumerable.Range(0, next).Select(_ => (rng.NextDouble() * 2 - 1) * Math.PI).ToArray();
        var h = PauliSum.Parse($"0.6 X0 X1 - 0.8 Z{n - 1} + 0.4 Y1 Z2 + 0.3 X{n - 2}", n);
        var adjoint = new double[next];
        var energy = new AdjointGradient(n).Evaluate(circuit, theta, h, adjoint);
        var shift = new double[next];
        var shiftEnergy = ParameterShift.Gradient(circuit, theta, h, shift);
        var finite = CentralDifferences(circuit, theta, h);
        Assert.Equal(shiftEnergy, energy, 12);
        for (var p = 0; p < next; p++)
        {
            Assert.True(Math.Abs(adjoint[p] - shift[p]) < 1e-9, $"parameter {p}: adjoint {adjoint[p]}, shift {shift[p]}");
            Assert.True(Math.Abs(adjoint[p] - finite[p]) < 1e-7, $"parameter {p}: adjoint {adjoint[p]}, finite differences {finite[p]}");
        }
    }

    [Fact]
    public void Controlled_rotations_need_the_four_term_rule()
    {
        var circuit = new Circuit(2).H(0).RY(1, Angle.Parameter(1)).CRX(0, 1, Angle.Parameter(0)).CRY(1, 0, Angle.Parameter(0, 0.7));
        var h = PauliSum.Parse("Z1 + 0.5 X0 Y1");
        double[] theta = [1.1, 0.4];
        var adjoint = new double[2];
        new AdjointGradient(2).Evaluate(circuit, theta, h, adjoint);
        var finite = CentralDifferences(circuit, theta, h);
        var shift = new double[2];
        ParameterShift.Gradient(circuit, theta, h, shift);
        Assert.True(Math.Abs(adjoint[0] - finite[0]) < 1e-8);
        Assert.True(Math.Abs(shift[0] - finite[0]) < 1e-8);
        // The plain two-term rule would be wrong here: a check that the test can tell the rules apart.
        var twoTerm = 0.5 * (Energy(circuit, [theta[0] + Math.PI / 2, theta[1]], h) - Energy(circuit, [theta[0] - Math.PI / 2, theta[1]], h));
        Assert.True(Math.Abs(twoTerm - finite[0]) > 1e-3);
    }

    [Fact]
    public void Gradients_start_from_a_given_state()
    {
        var h = Hamiltonians.H2Sto3G();
        var hf = StateVector.FromBasisString(Hamiltonians.H2HartreeFockState);
        var circuit = new Circuit(4).RY(0, Angle.Parameter(0)).CNOT(0, 2).RXX(1, 3, Angle.Parameter(1)).RZ(2, Angle.Parameter(2));
        double[] theta = [0.2, -0.3, 0.5];
        var adjoint = new double[3];
        var energy = new AdjointGradient(4).Evaluate(circuit, theta, h, adjoint, hf);
        var shift = new double[3];
        var shiftEnergy = ParameterShift.Gradient(circuit, theta, h, shift, hf);
        Assert.Equal(shiftEnergy, energy, 12);
        for (var p = 0; p < 3; p++)
        {
            Assert.True(Math.Abs(adjoint[p] - shift[p]) < 1e-9);
        }
    }

    [Fact]
    public void Shot_based_parameter_shift_approaches_the_exact_gradient()
    {
        var circuit = new Circuit(2).RY(0, Angle.Parameter(0)).CNOT(0, 1).RX(1, Angle.Parameter(1));
        var h = PauliSum.Parse("Z0 Z1 + 0.5 X1");
        double[] theta = [0.8, -0.4];
        var exact = new double[2];
        new AdjointGradient(2).Evaluate(circuit, theta, h, exact);
        var estimate = new double[2];
        ParameterShift.Gradient(circuit, theta, h, estimate, shotsPerBasis: 100_000, rng: new Random(3));
        Assert.Equal(exact[0], estimate[0], 1);
        Assert.Equal(exact[1], estimate[1], 1);
    }

    private static double Energy(Circuit circuit, double[] theta, PauliSum? h = null)
    {
        var state = new StateVector(circuit.NumQubits);
        circuit.Apply(state, theta);
        return (h ?? Observable).Expectation(state);
    }

    private static double[] CentralDifferences(Circuit circuit, double[] theta, PauliSum? h = null)
    {
        const double step = 1e-5;
        var result = new double[circuit.ParameterCount];
        for (var p = 0; p < result.Length; p++)
        {
            var plus = (double[])theta.Clone();
            var minus = (double[])theta.Clone();
            plus[p] += step;
            minus[p] -= step;
            result[p] = (Energy(circuit, plus, h) - Energy(circuit, minus, h)) / (2 * step);
        }

        return result;
    }
}
