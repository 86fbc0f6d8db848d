using System.Numerics;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Quantum.Simulator.Tests;

/// <summary>Cache-blocked plans against the unfused simulation: every gate kind, chunks that take high bits, both precisions, threads.</summary>
public class BlockedCircuitTests
{
    [Theory]
    [InlineData(12, 8, 4, 1)]
    [InlineData(13, 8, 2, 1)]
    [InlineData(14, 10, 6, 1)]
    [InlineData(18, 12, 6, 2)]
    [InlineData(18, 14, 8, 1)]
    public void Blocked_random_circuits_match_the_unfused_simulation_in_both_precisions(int numQubits, int chunkQubits, int minRunBits, int threads)
    {
        var rng = new Random(300 + numQubits + chunkQubits);
        var (circuit, theta) = RandomCircuits.Make(numQubits, 12 * numQubits, rng);
        var plan = circuit.FuseBlocked(chunkQubits, minRunBits);
        Assert.True(plan.IsBlocked);
        Assert.InRange(plan.StepCount, 2, circuit.Fuse(false).StepCount - 1);

        var start = RandomCircuits.RandomState(numQubits, rng);
        var reference = start.Clone();
        circuit.Apply(reference, theta);
        var blocked = start.Clone();
        blocked.MaxDegreeOfParallelism = threads;
        plan.Apply(blocked, theta);
        var narrow = new StateVectorSingle(numQubits);
        narrow.CopyFrom(start);
        plan.Apply(narrow, theta);
        for (var i = 0; i < reference.Length; i++)
        {
            Assert.True(Complex.Abs(reference[i] - blocked[i]) < 1e-12, $"double, amplitude {i}: {reference[i]} vs {blocked[i]}");
            Assert.True(Complex.Abs(reference[i] - narrow[i]) < 2e-5, $"single, amplitude {i}: {reference[i]} vs {narrow[i]}");
        }
    }

    [Fact]
    public void A_layered_ansatz_runs_tile_by_tile_in_both_precisions_and_matches_the_unfused_simulation()
    {
        // RY + CZ ladder: almost every pass is a real 2×2 or a controlled phase, so runs of them go through L1 tiles.
        var circuit = RyCzLadder(15, 4);
        var theta = Enumerable.Range(0, circuit.ParameterCount).Select(i => 0.1 + (0.37 * i % 3.0)).ToArray();
        var start = RandomCircuits.RandomState(15, new Random(7));
        var reference = start.Clone();
        circuit.Apply(reference, theta);
        var plan = circuit.FuseBlocked(13, 6);
        var blocked = start.Clone();
        plan.Apply(blocked, theta);
        var narrow = new StateVectorSingle(15);
        narrow.CopyFrom(start);
        plan.Apply(narrow, theta);
        for (var i = 0; i < reference.Length; i++)
        {
            Assert.True(Complex.Abs(reference[i] - blocked[i]) < 1e-12, $"double, amplitude {i}");
            Assert.True(Complex.Abs(reference[i] - narrow[i]) < 2e-5, $"single, amplitude {i}");
        }
    }

    [Fact]
    public void A_layered_ansatz_needs_a_few_passes_per_layer_not_one_per_gate()
    {
        // 10 layers of RY on every qubit and a CZ ladder on 20 qubits: 390 gates. The CZs commute with each other,
        // so a block is not stopped by a ladder step that waits for a later block.
        var circuit = RyCzLadder(20, 10);
        var blocked = circuit.FuseBlocked(14, 8);
        Assert.InRange(blocked.StepCount, 10, 40);
        Assert.Equal(circuit.Fuse(false).StepCount, blocked.GatePassCount);
    }

    private static Circuit RyCzLadder(int n, int layers)
    {
        var circuit = new Circuit(n);
        var p = 0;
        for (var layer = 0; layer < layers; layer++)
        {
            for (var q = 0; q < n; q++)
            {
                circuit.RY(q, Angle.Parameter(p++));
            }

            for (var q = 0; q + 1 < n; q++)
            {
                circuit.CZ(q, q + 1);
            }
        }

        return circuit;
    }

    [Fact]
    public void Fuse_blocks_large_registers_only()
    {
        Assert.False(new Circuit(FusedCircuit.BlockedMinQubits - 1).H(0).Fuse().IsBlocked);
        var plan = new Circuit(FusedCircuit.BlockedMinQubits).H(0).CZ(0, 1).H(1).Fuse();
        Assert.True(plan.IsBlocked);
        Assert.Equal(1, plan.StepCount);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Circuit(10).H(0).FuseBlocked(10, 4));
    }

    [Theory]
    [InlineData(0b1011_0000u, 0b101, 0b1001_0000)]
    [InlineData(0b1111u, 0b1010, 0b1010)]
    [InlineData(0u, 7, 0)]
    public void Deposit_places_the_low_bits_on_the_mask(uint mask, int value, int expected) =>
        Assert.Equal(expected, BlockedCircuit.Deposit(value, mask));
}
