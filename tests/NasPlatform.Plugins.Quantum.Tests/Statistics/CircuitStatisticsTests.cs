using System.Diagnostics;
using NasPlatform.Plugins.Quantum.Circuits;
using NasPlatform.Plugins.Quantum.Hardware;
using NasPlatform.Plugins.Quantum.Spaces;
using NasPlatform.Plugins.Quantum.Statistics;
using NasPlatform.Quantum.Simulator;
using Xunit.Abstractions;

namespace NasPlatform.Plugins.Quantum.Tests.Statistics;

public sealed class CircuitStatisticsTests(ITestOutputHelper output)
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
    public void StatisticsAreDeterministicAndCachedFor8Qubits()
    {
        var space = new LayerwiseSpace(CouplingMap.Line(8), 6, ["none", "rx", "ry", "rz"], ["none", "cnot", "cz"]);
        var candidate = space.Sample(new Random(11));
        var uncached = CircuitStatistics.Measure(CircuitCandidates.Read(candidate), CircuitStatistics.DefaultSamples, 77);
        Assert.Equal(uncached, CircuitStatistics.Measure(CircuitCandidates.Read(candidate), CircuitStatistics.DefaultSamples, 77));

        // Cached in the plugin's cache (the host's when the host makes the space), computed once per candidate.
        var cache = new CountingCache();
        var cachedSpace = new LayerwiseSpace(CouplingMap.Line(8), 6, ["none", "rx", "ry", "rz"], ["none", "cnot", "cz"]) { Cache = cache };
        var first = cachedSpace.FreeStatistics(candidate);
        Assert.Same(first, cachedSpace.FreeStatistics(candidate));
        Assert.Equal(1, cache.Creations);
        Assert.Equal(first, space.FreeStatistics(candidate));

        // The cost (a few ms per fresh 8-qubit candidate on an idle core) is printed, not asserted: timings
        // belong in benchmarks on this shared machine, where a busy neighbour made a bound fail.
        var watch = Stopwatch.StartNew();
        CircuitStatistics.Measure(CircuitCandidates.Read(space.Sample(new Random(100))), CircuitStatistics.DefaultSamples, 5);
        output.WriteLine($"free statistics of a fresh 8-qubit, 6-layer candidate: {watch.Elapsed.TotalMilliseconds:F2} ms");
    }

    /// <summary>A cache that keeps everything and counts creations.</summary>
    private sealed class CountingCache : NasPlatform.Abstractions.Plugins.IComponentCache
    {
        private readonly Dictionary<string, object> _values = [];

        public int Creations { get; private set; }

        public T GetOrAdd<T>(string key, Func<T> create)
            where T : class
        {
            if (!_values.TryGetValue(key, out var value))
            {
                Creations++;
                value = create();
                _values[key] = value;
            }

            return (T)value;
        }
    }
}
