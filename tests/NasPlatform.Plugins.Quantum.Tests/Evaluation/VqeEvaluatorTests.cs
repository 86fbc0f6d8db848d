using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Options;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Plugins.Quantum.Evaluation;
using NasPlatform.Plugins.Quantum.Tasks;
using NasPlatform.Plugins.Quantum.Tasks.Vqe;
using NasPlatform.Quantum.Simulator;
using NasPlatform.Quantum.Simulator.Qasm;

namespace NasPlatform.Plugins.Quantum.Tests.Evaluation;

public sealed class VqeEvaluatorTests : IDisposable
{
    private const double ChemicalAccuracy = 1.6e-3;
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("vqe-eval-");

    public void Dispose() => _work.Delete(true);

    [Fact]
    public void H2FromHartreeFockReachesChemicalAccuracy()
    {
        var evaluator = Vqe("""{ "hamiltonian": { "model": "h2" }, "fidelities": ["s200x2"] }""");
        var result = Evaluate(evaluator, CircuitFactory.Layered(4, 3), "s200x2");
        Assert.True(result.Metrics["energy_error"] < ChemicalAccuracy, $"energy_error {result.Metrics["energy_error"]}");
        Assert.True(result.Metrics["energy_error"] > -1e-9);
        Assert.Equal(Hamiltonians.H2FciEnergy, result.Metrics["exact_energy"], 7);
        Assert.True(result.Metrics["fidelity"] > 0.99, $"fidelity {result.Metrics["fidelity"]}");
        // Declared ahead exactly: nas validate refuses objectives on anything else before evaluating.
        Assert.Equal(evaluator.Metrics.Order(StringComparer.Ordinal), result.Metrics.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Tfim4WithASufficientAnsatzIsExact()
    {
        var evaluator = Vqe("""{ "hamiltonian": { "model": "tfim", "qubits": 4 }, "fidelities": ["s300x4"] }""");
        var result = Evaluate(evaluator, CircuitFactory.Layered(4, 4), "s300x4");
        Assert.True(result.Metrics["energy_error"] < 1e-6, $"energy_error {result.Metrics["energy_error"]}");
        Assert.True(result.Metrics["fidelity"] > 1 - 1e-5, $"fidelity {result.Metrics["fidelity"]}");
        Assert.Equal(-4.7587704831, result.Metrics["exact_energy"], 8);
    }

    [Fact]
    public void ArtifactsHoldTheBoundCircuitAndItsParameters()
    {
        var evaluator = Vqe("""{ "hamiltonian": { "model": "h2" }, "fidelities": ["s50x1"] }""");
        var candidate = CircuitFactory.Layered(4, 2);
        var result = Evaluate(evaluator, candidate, "s50x1");

        var qasm = Assert.Single(result.Artifacts, a => a.Name == "circuit").Path;
        Assert.Equal(_work.FullName, Path.GetDirectoryName(qasm));
        var circuit = QasmImporter.Import(File.ReadAllText(qasm));
        // The Hartree-Fock preparation is part of the exported circuit.
        Assert.Equal(GateKind.X, circuit.Ops[0].Kind);
        var state = new StateVector(4);
        circuit.Apply(state, []);
        Assert.Equal(result.Metrics["energy"], Hamiltonians.H2Sto3G().Expectation(state), 9);

        var parameters = JObject.Parse(File.ReadAllText(Assert.Single(result.Artifacts, a => a.Name == "parameters").Path));
        Assert.Equal(8, ((JArray)parameters["parameters"]!).Count);
        Assert.Equal(candidate.Json, Candidate.From(parameters["candidate"]!).Json);
        Assert.Equal(result.Metrics["energy"], (double)parameters["metrics"]!["energy"]!);
    }

    [Fact]
    public void MetricsCarryTheFreeStatisticsAndAreDeterministicForASeed()
    {
        var evaluator = Vqe("""{ "hamiltonian": { "model": "tfim", "qubits": 4 }, "fidelities": ["s30x2"], "optimizer": "adam", "learningRate": 0.1 }""");
        var candidate = CircuitFactory.Layered(4, 2);
        var first = Evaluate(evaluator, candidate, "s30x2");
        var second = Evaluate(evaluator, candidate, "s30x2");
        Assert.Equal(first.Metrics, second.Metrics);
        foreach (var name in new[] { "energy", "energy_error", "fidelity", "exact_energy", "ground_degeneracy", "params", "two_qubit_gates", "depth", "expressibility", "entangling_capability" })
        {
            Assert.True(first.Metrics.ContainsKey(name), name);
        }

        Assert.Equal(8, first.Metrics["params"]);
        Assert.Equal(6, first.Metrics["two_qubit_gates"]);
        Assert.Equal(60, first.Metrics["steps"]);
    }

    [Fact]
    public void ProgressIsReportedAndCancellationStopsTraining()
    {
        var evaluator = Vqe("""{ "hamiltonian": { "model": "tfim", "qubits": 4 }, "fidelities": ["s100000x1"], "optimizer": "adam", "plateauTolerance": 0 }""");
        using var cts = new CancellationTokenSource();
        var reports = new List<EvaluationProgress>();
        var progress = new SynchronousProgress<EvaluationProgress>(p =>
        {
            reports.Add(p);
            if (reports.Count == 3)
            {
                cts.Cancel();
            }
        });
        var request = new EvaluationRequest(CircuitFactory.Layered(4, 2), evaluator.Fidelities[0], 1, _work.FullName);
        Assert.ThrowsAny<OperationCanceledException>(() => evaluator.Evaluate(request, progress, cts.Token));
        Assert.Equal(3, reports.Count);
        Assert.Contains("restart 1/1", reports[0].Message);
        Assert.True(reports[0].Metrics.ContainsKey("loss"));
    }

    [Fact]
    public void CandidateOfTheWrongSizeFailsWithAClearMessage()
    {
        var evaluator = Vqe("""{ "hamiltonian": { "model": "h2" }, "fidelities": ["s10x1"] }""");
        var error = Assert.Throws<ArgumentException>(() => Evaluate(evaluator, CircuitFactory.Layered(3, 1), "s10x1"));
        Assert.Contains("\"qubits\" to 4", error.Message);
    }

    [Fact]
    public void FidelitiesAreStepsTimesRestartsCheapestFirst()
    {
        var evaluator = Vqe("""{ "hamiltonian": "Z0" }""");
        Assert.Equal(["s100x1", "s300x2", "s1000x8"], evaluator.Fidelities.Select(f => f.Name));
        Assert.Equal(100.0 / 8000, evaluator.Fidelities[0].Cost, 12);
        Assert.Equal(1.0, evaluator.Fidelities[^1].Cost);
        Assert.Equal(8, evaluator.Fidelities[^1].Settings["restarts"]);
        var budget = evaluator.Training.BudgetFor(evaluator.Fidelities[1]);
        Assert.Equal((300, 2), (budget.Steps, budget.Restarts));

        var error = Assert.Throws<ComponentConfigurationException>(() => Vqe("""{ "hamiltonian": "Z0", "fidelities": ["s0x1"] }"""));
        Assert.Equal("fidelities", error.OptionPath);
    }

    [Fact]
    public void GenericEvaluatorDispatchesByTaskName()
    {
        Assert.Contains(VariationalTaskRegistry.All, f => f.Name == "vqe");
        var evaluator = VariationalEvaluator.CreateGeneric(TestContexts.Bind<VariationalGenericOptions>("""{ "task": "vqe", "hamiltonian": "-1.0 Z0 Z1 - 0.5 X0 - 0.5 X1", "fidelities": ["s100x2"] }"""), TestContexts.In());
        var result = Evaluate(evaluator, CircuitFactory.Layered(2, 2), "s100x2");
        Assert.True(result.Metrics["energy_error"] < 1e-6, $"{result.Metrics["energy_error"]}");

        var error = Assert.Throws<ComponentConfigurationException>(() => VariationalEvaluator.CreateGeneric(TestContexts.Bind<VariationalGenericOptions>("""{ "task": "qaoa" }"""), TestContexts.In()));
        Assert.Equal("task", error.OptionPath);
        Assert.Contains("vqe", error.Message);

        // The generic schema lists task options by name only; the task's record and checks still refuse bad values, naming them.
        var number = Assert.Throws<ComponentConfigurationException>(() => VariationalEvaluator.CreateGeneric(TestContexts.Bind<VariationalGenericOptions>("""{ "task": "vqe", "hamiltonian": 3 }"""), TestContexts.In()));
        Assert.Equal("hamiltonian", number.OptionPath);
        var state = Assert.Throws<ComponentConfigurationException>(() => VariationalEvaluator.CreateGeneric(TestContexts.Bind<VariationalGenericOptions>("""{ "task": "vqe", "hamiltonian": "Z0 Z1", "initialState": "02" }"""), TestContexts.In()));
        Assert.Equal("initialState", state.OptionPath);
        var qubits = Assert.Throws<ComponentConfigurationException>(() => VariationalEvaluator.CreateGeneric(TestContexts.Bind<VariationalGenericOptions>("""{ "task": "vqe", "hamiltonian": "Z0", "qubits": 30 }"""), TestContexts.In()));
        Assert.Equal("qubits", qubits.OptionPath);
        var type = Assert.Throws<ComponentConfigurationException>(() => VariationalEvaluator.CreateGeneric(TestContexts.Bind<VariationalGenericOptions>("""{ "task": "vqe", "hamiltonian": "Z0", "taper": "yes" }"""), TestContexts.In()));
        Assert.Equal("taper", type.OptionPath);
    }

    [Fact]
    public void OptionSchemasMergeTrainingAndTaskOptions()
    {
        var factory = VariationalTaskRegistry.Find("vqe")!;
        var own = JObject.Parse(ComponentOptions.SchemaFor(factory.OptionsType, null));
        Assert.NotNull(own["properties"]!["hamiltonian"]);
        Assert.NotNull(own["properties"]!["sigma"]);
        Assert.Equal(["vqe"], own["properties"]!["task"]!["enum"]!.Select(t => (string)t!));

        var generic = JObject.Parse(ComponentOptions.SchemaFor<VariationalGenericOptions>(null));
        Assert.Contains("vqe", generic["properties"]!["task"]!["enum"]!.Select(t => (string)t!));
        Assert.NotNull(generic["properties"]!["hamiltonian"]);

        // An option of another task is refused naming it; a name of no task's does not even bind (the host's schema check names it first).
        var foreign = Assert.Throws<ComponentConfigurationException>(() => VariationalEvaluator.CreateGeneric(TestContexts.Bind<VariationalGenericOptions>("""{ "task": "vqe", "hamiltonian": "Z0", "features": 2 }"""), TestContexts.In()));
        Assert.Equal("features", foreign.OptionPath);
        Assert.Contains("does not belong to task \"vqe\"", foreign.Message);
        Assert.Throws<NasPlatform.Abstractions.NasConfigurationException>(() => TestContexts.Bind<VariationalGenericOptions>("""{ "task": "vqe", "hamiltonian": "Z0", "dataset": "x" }"""));
    }

    private static VariationalEvaluator Vqe(string options) => VariationalEvaluator.Create(new VqeTaskFactory(), TestContexts.Bind<VqeEvaluatorOptions>(options), TestContexts.In());

    private EvaluationResult Evaluate(VariationalEvaluator evaluator, Candidate candidate, string fidelity) =>
        evaluator.Evaluate(new EvaluationRequest(candidate, evaluator.Fidelities.Single(f => f.Name == fidelity), 7, _work.FullName), null, CancellationToken.None);
}
