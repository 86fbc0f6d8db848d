using NasPlatform.Search.Strategies;
using NasPlatform.Workflows.Benchmarks;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Objectives;
using NasPlatform.Engine.Strategies;
using NasPlatform.Plugins.Quantum.Evaluation;
using NasPlatform.Plugins.Quantum.Spaces;
using NasPlatform.Plugins.Quantum.Tasks.Vqe;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Plugins.Quantum.Tests.Search;

/// <summary>
/// With parameterized entanglers, shared layers and initial states as choices, a search (not a hand-written
/// circuit) finds the ground state of a periodic TFIM ring: the fast companion of the n = 8 example.
/// </summary>
public sealed class RingSearchTests
{
    [Fact]
    public void RegularizedEvolutionFindsTheFourQubitTfimRingGroundState()
    {
        var space = LayerwiseSpace.Create(TestContexts.Bind<LayerwiseSpaceOptions>("""
            { "qubits": 4, "layers": 4, "coupling": "ring",
              "rotations": ["none", "rx", "ry", "rz"], "entanglers": ["none", "cnot", "rzz", "rxx"],
              "sharing": ["independent", "shared"], "initialStates": ["reference", "plus"] }
            """), TestContexts.In());
        var evaluator = VariationalEvaluator.Create(new VqeTaskFactory(), TestContexts.Bind<VqeEvaluatorOptions>("""
            { "hamiltonian": { "model": "tfim", "qubits": 4, "periodic": true }, "fidelities": ["s100x2"] }
            """), TestContexts.In());
        Assert.Empty(evaluator.CheckSearchSpace(space));
        var exact = ExactGroundStates.Get(TestCache.Shared, Hamiltonians.TransverseFieldIsing(4, 1, 1, periodic: true), 4).Energy;

        var benchmark = new StrategyBenchmark(space, evaluator, new ObjectiveSet([new Objective("energy", Direction.Minimize)]));
        var result = benchmark.Run(new RegularizedEvolutionFactory(), JObject.Parse("""{ "populationSize": 10, "sampleSize": 4 }"""), runs: 2, queries: 100, baseSeed: 0, maxDegreeOfParallelism: 1);

        Assert.Equal(0, result.UnusableTrials);
        Assert.All(result.BestPerRun, best => Assert.True(best - exact < 1e-6, $"best energy {best}, exact {exact}"));
    }
}
