using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Plugins.Quantum.Evaluation;
using NasPlatform.Plugins.Quantum.Excitation;
using NasPlatform.Plugins.Quantum.Tasks.Vqe;
using NasPlatform.Plugins.Quantum.Training;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Plugins.Quantum.Tests.Excitation;

/// <summary>Excitation circuits trained by the vqe evaluator on psi4's molecules (cached after the first run).</summary>
public sealed class ExcitationEvaluationTests : IDisposable
{
    internal const string H2 = """{ "geometry": "H 0 0 0; H 0 0 0.735", "basis": "sto-3g" }""";
    internal const string LiH = """{ "geometry": "Li 0 0 0; H 0 0 1.6", "basis": "sto-3g", "frozenCore": 1, "activeOrbitals": 5 }""";

    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("excitation-eval-");

    public void Dispose() => _work.Delete(true);

    [Theory]
    [InlineData("jordan-wigner", false)]
    [InlineData("parity", true)]
    [InlineData("bravyi-kitaev", true)]
    public void UccsdForH2IsExactInEveryMappingTaperedOrNot(string mapping, bool taper)
    {
        // Tapering is applied to the generators exactly as to the Hamiltonian: each Pauli term of a spin-preserving
        // excitation commutes with the N_alpha and N_beta parities, so the tapered circuit is exact on the sector.
        var evaluator = Evaluator(H2, mapping, taper);
        var space = ExcitationSpace.Create(TestContexts.Bind<ExcitationSpaceOptions>($$"""{ "orbitals": 2, "electrons": 2, "mapping": "{{mapping}}", "taper": {{(taper ? "true" : "false")}} }"""), TestContexts.In());
        Assert.Empty(evaluator.CheckSearchSpace(space));
        var metrics = Evaluate(evaluator, space.Uccsd());
        Assert.True(Math.Abs(metrics["energy_error"]) < 1e-6, $"UCCSD error {metrics["energy_error"]}");
        Assert.Equal(metrics["psi4_fci_energy"], metrics["energy"], 6);
        Assert.Equal(space.FreeStatistics(space.Uccsd())["cnot_count"], metrics["cnot_count"]);
    }

    [Fact]
    public void PoolGradientsAreTheEnergySlopeOfEachNewOperatorAtZero()
    {
        var evaluator = Evaluator(LiH, "jordan-wigner", false);
        var space = ExcitationSpace.Create(TestContexts.Bind<ExcitationSpaceOptions>("""{ "orbitals": 5, "electrons": 2, "maxOperators": 8 }"""), TestContexts.In());
        var prefix = new[] { space.Pool.IndexOf("0,5->1,6"), space.Pool.IndexOf("0->1") };
        var metrics = Evaluate(evaluator, space.CandidateOf(prefix));
        var angles = prefix.Select((_, i) => metrics[ExcitationEvaluation.AngleMetric(i)]).ToArray();
        var task = (VqeTask)evaluator.Task;
        Assert.Equal(space.Pool.Count, metrics["pool_gradient_evaluations"]);

        var largest = 0.0;
        const double h = 1e-4;
        for (var k = 0; k < space.Pool.Count; k++)
        {
            double Energy(double theta)
            {
                var state = StateVector.FromBasisString(space.Register.HartreeFockState);
                space.Pool.BuildCircuit([.. prefix, k], prepareHartreeFock: false).Apply(state, [.. angles, theta]);
                return task.Problem.Hamiltonian.Expectation(state);
            }

            var finiteDifference = (Energy(h) - Energy(-h)) / (2 * h);
            var reported = metrics[ExcitationEvaluation.GradientMetric(k)];
            Assert.True(Math.Abs(finiteDifference - reported) < 1e-7, $"operator {space.Pool.Labels[k]}: reported {reported}, finite difference {finiteDifference}");
            largest = Math.Max(largest, Math.Abs(reported));
        }

        Assert.True(largest > 1e-3, "some operator must still lower the energy after two");
        Assert.Equal(largest, metrics["pool_gradient_max"], 12);
    }

    [Fact]
    public void AMismatchedRegisterIsRefusedBeforeAnyTrialNamingTheOption()
    {
        var evaluator = Evaluator(LiH, "jordan-wigner", false);
        var space = ExcitationSpace.Create(TestContexts.Bind<ExcitationSpaceOptions>("""{ "orbitals": 4, "electrons": 2, "mapping": "parity" }"""), TestContexts.In());
        var problems = evaluator.CheckSearchSpace(space);
        Assert.Contains(problems, p => p.Contains("searchSpace.options.orbitals is 4 but the evaluator's molecule has active orbitals 5", StringComparison.Ordinal) && p.Contains("set \"orbitals\": 5", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("set \"mapping\": \"jordan-wigner\"", StringComparison.Ordinal));

        var model = VariationalEvaluator.Create(new VqeTaskFactory(), TestContexts.Bind<VqeEvaluatorOptions>("""{ "hamiltonian": { "model": "h2" }, "fidelities": ["s10x1"] }"""), TestContexts.In());
        Assert.Contains("needs a molecule", Assert.Single(model.CheckSearchSpace(space)), StringComparison.Ordinal);
    }

    [Fact]
    public void WarmStartAnglesAreWhereTrainingBegins()
    {
        var space = ExcitationSpace.Create(TestContexts.Bind<ExcitationSpaceOptions>("""{ "orbitals": 2, "electrons": 2 }"""), TestContexts.In());
        var task = (VqeTask)Evaluator(H2, "jordan-wigner", false).Task;
        var circuit = space.Pool.BuildCircuit([space.Pool.IndexOf("0,2->1,3")], prepareHartreeFock: false);
        var objective = new VqeObjective(circuit, task.Problem.Hamiltonian, StateVector.FromBasisString(space.Register.HartreeFockState));
        // No steps: the result is the start, which is the given angle exactly (no noise on the first restart).
        var start = Trainer.Minimize(objective, new TrainingBudget(0, 1) { InitialParameters = [0.3] }, new Random(1));
        Assert.Equal(0.3, start.BestParameters[0]);

        // Through the evaluator: trained once, then warm-started at the optimum, one step keeps it there.
        var trained = Evaluate(Evaluator(H2, "jordan-wigner", false), space.CandidateOf([space.Pool.IndexOf("0,2->1,3")]));
        var optimum = trained[ExcitationEvaluation.AngleMetric(0)];
        var warm = Evaluate(Evaluator(H2, "jordan-wigner", false, "s1x1"), space.CandidateOf([space.Pool.IndexOf("0,2->1,3")], [optimum]));
        Assert.Equal(optimum, warm[ExcitationEvaluation.AngleMetric(0)], 6);
        Assert.True(Math.Abs(warm["energy_error"]) < 1e-9, $"error {warm["energy_error"]}");
        Assert.Equal(0.0, warm["sector_leakage"], 12);
    }

    internal static VariationalEvaluator Evaluator(string molecule, string mapping, bool taper, string fidelity = "s300x1") =>
        VariationalEvaluator.Create(new VqeTaskFactory(), TestContexts.Bind<VqeEvaluatorOptions>($$"""
            { "molecule": {{molecule}}, "mapping": "{{mapping}}", "taper": {{(taper ? "true" : "false")}}, "initialState": "hartree-fock",
              "sigma": 0.01, "fidelities": ["{{fidelity}}"] }
            """), TestContexts.In());

    private IReadOnlyDictionary<string, double> Evaluate(VariationalEvaluator evaluator, Candidate candidate) =>
        evaluator.Evaluate(new EvaluationRequest(candidate, evaluator.Fidelities[0], 7, _work.FullName), null, CancellationToken.None).Metrics;
}
