using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Quantum.Simulator.Tests;

/// <summary>The complex64 adjoint gradient against the complex128 one and against central differences.</summary>
public class SinglePrecisionAdjointTests
{
    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 2)]
    [InlineData(3, 3)]
    [InlineData(4, 6)]
    [InlineData(5, 9)]
    public void Gradients_match_double_precision_for_every_gate_kind(int seed, int numQubits)
    {
        var rng = new Random(seed);
        // Every gate kind (controlled, in-lane and cross-vector targets, U3, RXX…, fixed gates), shared parameters.
        var (circuit, theta) = RandomCircuits.Make(numQubits, 25 * numQubits, rng, parameterCount: 3 * numQubits);
        var h = Observable(numQubits);
        var start = RandomCircuits.RandomState(numQubits, rng);
        var wide = new double[circuit.ParameterCount];
        var narrow = new double[circuit.ParameterCount];
        var wideEnergy = new AdjointGradient(numQubits).Evaluate(circuit, theta, h, wide, start);
        var narrowEnergy = new AdjointGradient(numQubits, Precision.Single).Evaluate(circuit, theta, h, narrow, start);

        Assert.True(Math.Abs(wideEnergy - narrowEnergy) < 1e-5, $"energy: double {wideEnergy:R}, single {narrowEnergy:R}");
        for (var p = 0; p < wide.Length; p++)
        {
            Assert.True(Math.Abs(wide[p] - narrow[p]) < 2e-5, $"parameter {p}: double {wide[p]:R}, single {narrow[p]:R}");
        }
    }

    [Fact]
    public void A_layer_of_diagonal_gates_is_differentiated_in_one_pass_like_double_precision()
    {
        // RY then RZ layers: every RZ layer is a run of one-qubit diagonal gates, which both precisions now take in one pass.
        const int n = 10;
        var circuit = new Circuit(n);
        var p = 0;
        for (var layer = 0; layer < 3; layer++)
        {
            for (var q = 0; q < n; q++)
            {
                circuit.RY(q, Angle.Parameter(p++));
            }

            for (var q = 0; q < n; q++)
            {
                circuit.RZ(q, Angle.Parameter(p++));
            }

            for (var q = 0; q + 1 < n; q++)
            {
                circuit.CNOT(q, q + 1);
            }
        }

        var theta = Enumerable.Range(0, p).Select(i => 0.2 + (0.61 * i % 2.5)).ToArray();
        var h = Observable(n);
        var single = new double[p];
        var reference = new double[p];
        var energySingle = new AdjointGradient(n, Precision.Single).Evaluate(circuit, theta, h, single);
        var energyDouble = new AdjointGradient(n).Evaluate(circuit, theta, h, reference);
        Assert.Equal(energyDouble, energySingle, 5);
        for (var i = 0; i < p; i++)
        {
            Assert.True(Math.Abs(single[i] - reference[i]) < 2e-5, $"parameter {i}: single {single[i]:R}, double {reference[i]:R}");
        }

        Assert.Contains(reference, g => Math.Abs(g) > 1e-2);
    }

    [Fact]
    public void Gradients_match_central_differences()
    {
        const int n = 8;
        var rng = new Random(11);
        var (circuit, theta) = RandomCircuits.Make(n, 120, rng, RandomCircuits.Rotations);
        var h = Observable(n);
        var gradient = new double[circuit.ParameterCount];
        new AdjointGradient(n, Precision.Single).Evaluate(circuit, theta, h, gradient);
        var shifted = (double[])theta.Clone();
        const double step = 1e-5;
        for (var p = 0; p < theta.Length; p++)
        {
            shifted[p] = theta[p] + step;
            var up = Energy(circuit, shifted, h);
            shifted[p] = theta[p] - step;
            var down = Energy(circuit, shifted, h);
            shifted[p] = theta[p];
            var finite = (up - down) / (2 * step);
            Assert.True(Math.Abs(gradient[p] - finite) < 2e-5, $"parameter {p}: single adjoint {gradient[p]:R}, central differences {finite:R}");
        }
    }

    [Fact]
    public void The_workspace_reports_its_precision_and_refuses_other_registers()
    {
        var adjoint = new AdjointGradient(4, Precision.Single);
        Assert.Equal(Precision.Single, adjoint.Precision);
        Assert.Equal(Precision.Double, new AdjointGradient(4).Precision);
        var circuit = new Circuit(5).RY(0, Angle.Parameter(0));
        var error = Assert.Throws<ArgumentException>(() => adjoint.Evaluate(circuit, [0.1], Observable(5), new double[1]));
        Assert.Contains("5 qubits", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Terms on every qubit (n ≥ 2), so that every gate's derivative is nonzero in general.</summary>
    private static PauliSum Observable(int n) => PauliSum.Parse(
        string.Join(" + ", Enumerable.Range(0, n).Select(q => FormattableString.Invariant($"{0.3 + 0.1 * q} Z{q} + {0.5 + 0.04 * q} X{q} Y{(q + 1) % n}"))),
        n);

    /// <summary>E(θ) in double precision, gate by gate.</summary>
    private static double Energy(Circuit circuit, double[] theta, PauliSum h)
    {
        var state = new StateVector(circuit.NumQubits);
        circuit.Apply(state, theta);
        return h.Expectation(state);
    }
}
