using System.Diagnostics;
using NasPlatform.Plugins.Quantum.Circuits;
using NasPlatform.Plugins.Quantum.Hardware;
using NasPlatform.Plugins.Quantum.Spaces;
using NasPlatform.Plugins.Quantum.Statistics;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Plugins.Quantum.Tests.Statistics;

public sealed class CircuitStatisticsTests
{
    private static AnsatzCircuit Layers(int qubits, int layers, string rotation, string entangler)
    {
        var edges = CouplingMap.Line(qubits).ChainOrder;
        return new LayerwiseArchitecture(qubits, edges, Enumerable.Range(0, layers)
            .Select(_ => new LayerwiseLayer(Enumerable.Repeat(rotation, qubits).ToArray(), entangler)).ToList()).ToAnsatz();
    }

    [Fact]
    public void CircuitWithoutEntanglersHasZeroMeyerWallach()
    {
        var stats = CircuitStatistics.Measure(Layers(6, 3, "ry", "none"), 32, 1);
        Assert.True(stats["entangling_capability"] < 1e-12, $"{stats["entangling_capability"]}");
        Assert.Equal(0, stats["two_qubit_gates"]);
        Assert.Equal(18, stats["params"]);
        Assert.Equal(3, stats["depth"]);
    }

    [Fact]
    public void MeyerWallachOfBellAndGhzStatesIsOne()
    {
        var bell = new StateVector(2);
        new Circuit(2).H(0).CNOT(0, 1).Apply(bell, []);
        Assert.Equal(1.0, CircuitStatistics.MeyerWallach(bell), 12);
        var ghz = new StateVector(4);
        new Circuit(4).H(0).CNOT(0, 1).CNOT(1, 2).CNOT(2, 3).Apply(ghz, []);
        Assert.Equal(1.0, CircuitStatistics.MeyerWallach(ghz), 12);
        Assert.Equal(0.0, CircuitStatistics.MeyerWallach(new StateVector(4)), 12);
    }

    [Fact]
    public void ProductOfRyLayersIsLessExpressiveThanADeepEntangledCircuit()
    {
        // Expressibility is a KL divergence from Haar: larger means less expressive.
        var product = CircuitStatistics.Measure(Layers(4, 1, "ry", "none"), 64, 3);
        var deep = CircuitStatistics.Measure(
            new AnsatzCircuit(4, Enumerable.Range(0, 6).SelectMany(_ => Layers(4, 1, "rx", "none").Gates
                .Concat(Layers(4, 1, "rz", "cnot").Gates)).ToList()), 64, 3);
        Assert.True(product["expressibility"] > 3 * deep["expressibility"], $"product {product["expressibility"]}, deep {deep["expressibility"]}");
        Assert.True(deep["entangling_capability"] > 0.3, $"{deep["entangling_capability"]}");
        Assert.True(deep["expressibility"] < 0.5);
    }

    [Fact]
    public void IdleCircuitHasTheKlOfAPointMassAtFidelityOne()
    {
        var idle = CircuitStatistics.Measure(Layers(3, 1, "none", "none"), 8, 0);
        // All fidelities are 1: KL = −log P_Haar(last bin) = −(N−1) log(1 − 74/75) for N = 8.
        Assert.Equal(-7 * Math.Log(1.0 / 75), idle["expressibility"], 9);
    }

    [Fact]
    public void StatisticsAreDeterministicCachedAndCheapFor8Qubits()
    {
        var space = new LayerwiseSpace(CouplingMap.Line(8), 6, ["none", "rx", "ry", "rz"], ["none", "cnot", "cz"]);
        var candidate = space.Sample(new Random(11));
        var uncached = CircuitStatistics.Measure(CircuitCandidates.Read(candidate), CircuitStatistics.DefaultSamples, 77);
        Assert.Equal(uncached, CircuitStatistics.Measure(CircuitCandidates.Read(candidate), CircuitStatistics.DefaultSamples, 77));

        var first = space.FreeStatistics(candidate);
        Assert.Same(first, space.FreeStatistics(candidate));

        // Warm, then time fresh candidates (the cache would hide the cost).
        CircuitStatistics.Measure(CircuitCandidates.Read(space.Sample(new Random(1))), CircuitStatistics.DefaultSamples, 1);
        var watch = Stopwatch.StartNew();
        const int Count = 20;
        for (var i = 0; i < Count; i++)
        {
            CircuitStatistics.Measure(CircuitCandidates.Read(space.Sample(new Random(100 + i))), CircuitStatistics.DefaultSamples, i);
        }

        var perCandidate = watch.Elapsed.TotalMilliseconds / Count;
        // A few ms on an idle core; the bound leaves room for a busy machine.
        Assert.True(perCandidate < 50, $"{perCandidate:F1} ms per candidate");
    }
}
