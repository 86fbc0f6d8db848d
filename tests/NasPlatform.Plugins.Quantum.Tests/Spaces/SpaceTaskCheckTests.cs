using NasPlatform.Plugins.Quantum.Circuits;
using NasPlatform.Plugins.Quantum.Evaluation;
using NasPlatform.Plugins.Quantum.Hardware;
using NasPlatform.Plugins.Quantum.Spaces;
using NasPlatform.Plugins.Quantum.Tasks.Vqe;

namespace NasPlatform.Plugins.Quantum.Tests.Spaces;

/// <summary>A periodic model with a space left to its defaults is caught before any trial, with the option to set.</summary>
public sealed class SpaceTaskCheckTests
{
    private const string PeriodicTfim = """{ "hamiltonian": { "model": "tfim", "qubits": 6, "periodic": true } }""";

    [Fact]
    public void APeriodicModelOnTheDefaultLineAsksForTheRing()
    {
        var problem = Assert.Single(Check("""{ "qubits": 6, "layers": 2 }""", PeriodicTfim));
        Assert.Contains("couples qubits 0-5", problem);
        Assert.Contains("\"coupling\": \"ring\"", problem);
        var gatewise = Vqe(PeriodicTfim).CheckSearchSpace(GatewiseSpace.Create(TestContexts.Bind<GatewiseSpaceOptions>("""{ "qubits": 6 }"""), TestContexts.In()));
        Assert.Contains("\"coupling\": \"ring\"", Assert.Single(gatewise));
    }

    [Fact]
    public void TheRingCouplingAloneSuitsAPeriodicModel() => Assert.Empty(Check("""{ "qubits": 6, "coupling": "ring" }""", PeriodicTfim));

    [Fact]
    public void ADefaultChainOrderOnACouplingThatHasThePairAsksForTheRingOrder()
    {
        const string Edges = """{ "edges": [[0,1],[1,2],[2,3],[3,4],[4,5],[5,0]] }""";
        Assert.Contains("\"order\": \"ring\"", Assert.Single(Check($$"""{ "qubits": 6, "coupling": {{Edges}} }""", PeriodicTfim)));
        Assert.Empty(Check($$"""{ "qubits": 6, "coupling": {{Edges}}, "order": "ring" }""", PeriodicTfim));
    }

    [Theory]
    [InlineData("""{ "qubits": 6, "coupling": "line" }""", "periodic")]
    [InlineData("""{ "qubits": 6, "coupling": "ring", "order": "chain" }""", "periodic")]
    [InlineData("""{ "qubits": 6 }""", "open")]
    [InlineData("""{ "qubits": 4 }""", "h2")]
    public void ExplicitChoicesOpenChainsAndFermionicHamiltoniansPass(string space, string problem)
    {
        var evaluator = problem switch
        {
            "periodic" => PeriodicTfim,
            "open" => """{ "hamiltonian": { "model": "heisenberg", "qubits": 6 } }""",
            _ => """{ "hamiltonian": { "model": "h2" } }""",
        };
        Assert.Empty(Check(space, evaluator));
    }

    [Fact]
    public void PreparedInitialStatesNeedAZeroReference()
    {
        var offered = """{ "qubits": 4, "initialStates": ["reference", "plus"] }""";
        Assert.Contains("starts from 1100", Assert.Single(Check(offered, """{ "hamiltonian": { "model": "h2" } }""")));
        Assert.Empty(Check(offered, """{ "hamiltonian": "-1 Z0 Z1 - 1 Z1 Z2 - 1 Z2 Z3 - 1 X0" }"""));
        Assert.Empty(Check("""{ "qubits": 4, "initialStates": ["reference"] }""", """{ "hamiltonian": { "model": "h2" } }"""));
    }

    [Fact]
    public void TheEvaluatorRefusesAPreparedStateOverAnotherReference()
    {
        var candidate = new LayerwiseArchitecture(4, CouplingMap.Line(4).ChainOrder, [new LayerwiseLayer(["ry", "ry", "ry", "ry"], "cnot")], InitialStates.Neel).ToCandidate();
        var evaluator = Vqe("""{ "hamiltonian": { "model": "h2" }, "fidelities": ["s5x1"] }""");
        var work = Directory.CreateTempSubdirectory("qas-check-");
        try
        {
            var error = Assert.Throws<ArgumentException>(() => evaluator.Evaluate(new(candidate, evaluator.Fidelities[0], 1, work.FullName), null, CancellationToken.None));
            Assert.Contains("starts from 1100", error.Message);
        }
        finally
        {
            work.Delete(true);
        }
    }

    private static IReadOnlyList<string> Check(string spaceOptions, string evaluatorOptions) =>
        Vqe(evaluatorOptions).CheckSearchSpace(LayerwiseSpace.Create(TestContexts.Bind<LayerwiseSpaceOptions>(spaceOptions), TestContexts.In()));

    private static VariationalEvaluator Vqe(string options) => VariationalEvaluator.Create(new VqeTaskFactory(), TestContexts.Bind<VqeEvaluatorOptions>(options), TestContexts.In());
}
