using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Quantum.Simulator.Tests;

public class NoiseTests
{
    [Fact]
    public void One_qubit_depolarizing_matches_the_channel_average()
    {
        // After X, ⟨Z⟩ = −1; an error X or Y (probability 2p/3) flips it: E⟨Z⟩ = −1 + 4p/3.
        const double p = 0.3;
        var circuit = new Circuit(1).X(0);
        var sim = new NoisySimulation(1);
        var estimate = sim.EstimateExpectation(circuit, [], PauliSum.Parse("Z0"), new NoiseModel(OneQubitDepolarizing: p), 20_000, new Random(1));
        Assert.True(Math.Abs(estimate - (-1 + 4 * p / 3)) < 0.02);
    }

    [Fact]
    public void Two_qubit_depolarizing_and_readout_flips_match_their_averages()
    {
        // Bell state: ⟨Z0 Z1⟩ = 1. Of the 15 two-qubit Paulis, 8 anticommute with Z⊗Z: E = 1 − 16p/15.
        const double p = 0.2;
        var circuit = new Circuit(2).H(0).CNOT(0, 1);
        var sim = new NoisySimulation(2);
        var zz = PauliSum.Parse("Z0 Z1");
        var estimate = sim.EstimateExpectation(circuit, [], zz, new NoiseModel(TwoQubitDepolarizing: p), 20_000, new Random(2));
        Assert.True(Math.Abs(estimate - (1 - 16 * p / 15)) < 0.02);

        // Readout: each bit flips with q, so P(bits differ) = 2q(1 − q) for a noiseless Bell state.
        const double q = 0.1;
        var shots = sim.Sample(circuit, [], new NoiseModel(ReadoutFlip: q), 20_000, new Random(3));
        var differ = shots.Count(s => s is 1 or 2) / 20_000.0;
        Assert.True(Math.Abs(differ - 2 * q * (1 - q)) < 0.015);
    }

    [Fact]
    public void Trajectories_follow_the_seed_and_noiseless_runs_are_exact()
    {
        var (circuit, parameters) = RandomCircuits.Make(3, 20, new Random(5));
        var h = PauliSum.Parse("Z0 + 0.5 X1 X2");
        var noise = new NoiseModel(0.05, 0.1);
        var a = new NoisySimulation(3).EstimateExpectation(circuit, parameters, h, noise, 50, new Random(7));
        var b = new NoisySimulation(3).EstimateExpectation(circuit, parameters, h, noise, 50, new Random(7));
        Assert.Equal(a, b);
        var exact = new StateVector(3);
        circuit.Apply(exact, parameters);
        Assert.Equal(h.Expectation(exact), new NoisySimulation(3).EstimateExpectation(circuit, parameters, h, NoiseModel.None, 3, new Random(1)), 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => new NoiseModel(1.5).Validate());
    }
}
