using System.Text.Json.Nodes;
using NasPlatform.Abstractions.Options;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Plugins.Quantum.Evaluation;
using NasPlatform.Plugins.Quantum.Tasks.Vqe;
using NasPlatform.Plugins.Quantum.Training;
using NasPlatform.Quantum.Chemistry.Ansatz;
using NasPlatform.Quantum.Chemistry.Hamiltonian;
using NasPlatform.Quantum.Chemistry.Integrals;
using NasPlatform.Quantum.Chemistry.Mapping;
using NasPlatform.Quantum.Chemistry.Psi4;
using NasPlatform.Quantum.Simulator;
using Xunit.Abstractions;

namespace NasPlatform.Plugins.Quantum.Tests.Tasks;

/// <summary>The evaluators' "precision" option: VQE trained on complex64 states reaches the complex128 energy.</summary>
public sealed class SinglePrecisionVqeTests(ITestOutputHelper output)
{
    [Fact]
    public void H2_and_LiH_reach_the_double_precision_energy_in_single_precision()
    {
        var h2 = Molecule(new MoleculeSpec("H 0 0 0; H 0 0 0.735", "sto-3g"), FermionMappingKind.JordanWigner, taper: false);
        var lih = Molecule(new MoleculeSpec("Li 0 0 0; H 0 0 1.6", "sto-3g", FrozenCore: 1, ActiveOrbitals: 5), FermionMappingKind.Parity, taper: true);
        foreach (var (name, hamiltonian) in new[] { ("H2", h2), ("LiH", lih) })
        {
            var uccsd = UccsdAnsatz.Build(hamiltonian, qubitExcitations: false);
            var wide = Train(uccsd.Circuit, hamiltonian.Hamiltonian, Precision.Double);
            var narrow = Train(uccsd.Circuit, hamiltonian.Hamiltonian, Precision.Single);
            output.WriteLine($"{name} ({uccsd.Circuit.NumQubits} qubits, {uccsd.Circuit.ParameterCount} parameters): double {wide:R}, single {narrow:R}, difference {narrow - wide:E2}");
            Assert.True(Math.Abs(narrow - wide) < 1e-5, $"{name}: double {wide:R}, single {narrow:R}");
        }
    }

    [Fact]
    public void The_option_is_in_the_schema_reaches_the_task_and_an_unknown_value_is_refused()
    {
        var schema = JsonNode.Parse(ComponentOptions.SchemaFor<VqeEvaluatorOptions>(null))!;
        Assert.Equal(["double", "single"], schema["properties"]!["precision"]!["enum"]!.AsArray().Select(v => (string)v!));
        Assert.Equal("double", (string)schema["properties"]!["precision"]!["default"]!);
        var generic = JsonNode.Parse(ComponentOptions.SchemaFor<VariationalGenericOptions>(null))!;
        Assert.NotNull(generic["properties"]!["precision"]);

        var single = (VqeTask)new VqeTaskFactory().Create(TestContexts.Bind<VqeEvaluatorOptions>("""{ "hamiltonian": "Z0 Z1", "precision": "single" }"""), TestContexts.In());
        var plain = (VqeTask)new VqeTaskFactory().Create(TestContexts.Bind<VqeEvaluatorOptions>("""{ "hamiltonian": "Z0 Z1" }"""), TestContexts.In());
        Assert.Equal(Precision.Single, single.Precision);
        Assert.Equal(Precision.Double, plain.Precision);

        var bad = Assert.Throws<ComponentConfigurationException>(() => VariationalTraining.From(TestContexts.Bind<VqeEvaluatorOptions>("""{ "hamiltonian": "Z0", "precision": "half" }""")));
        Assert.Equal("precision", bad.OptionPath);
        Assert.Contains("\"double\" or \"single\"", bad.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_precision_trial_trains_tfim4_to_the_exact_energy()
    {
        var evaluator = VariationalEvaluator.Create(new VqeTaskFactory(),
            TestContexts.Bind<VqeEvaluatorOptions>("""{ "hamiltonian": { "model": "tfim", "qubits": 4 }, "fidelities": ["s300x4"], "precision": "single" }"""), TestContexts.In());
        var work = Directory.CreateTempSubdirectory("vqe-single-");
        try
        {
            var fidelity = evaluator.Fidelities.Single();
            var result = evaluator.Evaluate(new NasPlatform.Abstractions.Evaluation.EvaluationRequest(CircuitFactory.Layered(4, 4), fidelity, 7, work.FullName), null, CancellationToken.None);
            Assert.True(result.Metrics["energy_error"] < 1e-5, $"energy_error {result.Metrics["energy_error"]}");
            Assert.True(result.Metrics["energy_error"] > -1e-9, $"energy_error {result.Metrics["energy_error"]}");
        }
        finally
        {
            work.Delete(true);
        }
    }

    /// <summary>The energy of the trained parameters, evaluated in double whatever precision trained them.</summary>
    private static double Train(Circuit circuit, PauliSum hamiltonian, Precision precision)
    {
        var objective = new VqeObjective(circuit, hamiltonian, null, precision);
        var budget = new TrainingBudget(300, 1, new OptimizerSettings(InitialSigma: 0, PlateauTolerance: 1e-12));
        var trained = Trainer.Minimize(objective, budget, new Random(1)).BestParameters;
        var state = new StateVector(circuit.NumQubits);
        circuit.Fuse().Apply(state, trained);
        return hamiltonian.Expectation(state);
    }

    private static MolecularQubitHamiltonian Molecule(MoleculeSpec spec, FermionMappingKind mapping, bool taper)
    {
        var psi4 = new Psi4Driver().RunAsync(spec).GetAwaiter().GetResult();
        var integrals = ActiveSpace.Select(FcidumpReader.Read(psi4.FcidumpPath), spec.FrozenCore, spec.ActiveOrbitals);
        return MolecularQubitHamiltonian.Build(integrals, mapping, taper);
    }
}
