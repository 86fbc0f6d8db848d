using System.Text;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Abstractions.Views;
using NasPlatform.Plugins.Quantum.Evaluation;
using NasPlatform.Plugins.Quantum.Qdk;
using NasPlatform.Plugins.Quantum.Tasks.Vqe;
using NasPlatform.Plugins.Quantum.Views;
using Xunit;

namespace NasPlatform.Plugins.Quantum.Tests.Qdk;

/// <summary>
/// The evaluators' <c>resourceEstimate</c> option: every trained circuit goes through Microsoft's Resource
/// Estimator and its headline numbers become metrics (so a multi-objective search can trade them against the
/// energy error), the full result saved where the trial views show it. Needs Node.js and qsharp-lang, as the
/// differential tests do.
/// </summary>
public sealed class ResourceEstimateMetricsTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("quantum-estimates-");

    public void Dispose() => _work.Delete(true);

    [Fact]
    public void Every_trained_circuit_reports_its_fault_tolerant_cost_as_metrics_and_a_bigger_circuit_costs_more()
    {
        var evaluator = Vqe("""{ "hamiltonian": { "model": "h2" }, "fidelities": ["s30x1"], "resourceEstimate": { "errorBudget": 0.01 } }""");
        Assert.Equal(TrialResourceEstimator.MetricNames, evaluator.Metrics.Where(m => m.StartsWith("ft_", StringComparison.Ordinal)));

        var small = Evaluate(evaluator, CircuitFactory.Layered(4, 1), "small");
        var large = Evaluate(evaluator, CircuitFactory.Layered(4, 3), "large");

        foreach (var (metrics, folder) in new[] { small, large })
        {
            var saved = ResourceEstimate.Parse(JObject.Parse(File.ReadAllText(Path.Combine(folder, TrialResourceEstimator.EstimateFileName))));
            Assert.Equal(0.01, saved.ErrorBudget, 12);
            Assert.Equal(saved.PhysicalQubits, metrics["ft_physical_qubits"]);
            Assert.Equal(saved.TStates, metrics["ft_t_states"]);
            Assert.Equal(saved.RuntimeNanoseconds / 1e3, metrics["ft_runtime_us"], 9);
            Assert.InRange(metrics["ft_logical_qubits"], 4, metrics["ft_physical_qubits"] - 1);
            Assert.True(metrics.ContainsKey("energy_error"));
        }

        // Three layers of rotations need more T states (each arbitrary rotation is synthesized from T gates).
        Assert.True(large.Metrics["ft_t_states"] > small.Metrics["ft_t_states"], $"{large.Metrics["ft_t_states"]} vs {small.Metrics["ft_t_states"]}");
        Assert.True(large.Metrics["ft_runtime_us"] > small.Metrics["ft_runtime_us"]);

        // The report and dashboard show the saved estimate beside the circuit.
        var (candidate, result) = (CircuitFactory.Layered(4, 1), small);
        var artifacts = new[] { new Artifact("parameters", Path.Combine(result.Folder, "parameters.json")), new Artifact("circuit", Path.Combine(result.Folder, "circuit.qasm")) };
        var views = new QuantumTrialViews().Render(new TrialViewRequest(candidate, "s30x1", result.Metrics, artifacts, "vqe", new JObject(), result.Folder), CancellationToken.None);
        var table = Encoding.UTF8.GetString(views.Single(v => v.Title == "Resource estimates").Content);
        Assert.Contains(((long)result.Metrics["ft_physical_qubits"]).ToString("N0", System.Globalization.CultureInfo.InvariantCulture), table, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_option_no_estimate_runs()
    {
        var evaluator = Vqe("""{ "hamiltonian": { "model": "h2" }, "fidelities": ["s10x1"] }""");
        Assert.Null(evaluator.Estimator);
        Assert.DoesNotContain(evaluator.Metrics, m => m.StartsWith("ft_", StringComparison.Ordinal));
        var (metrics, folder) = Evaluate(evaluator, CircuitFactory.Layered(4, 1), "plain");
        Assert.DoesNotContain(metrics.Keys, m => m.StartsWith("ft_", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(folder, TrialResourceEstimator.EstimateFileName)));
    }

    [Fact]
    public void A_Floquet_code_on_gate_based_qubits_is_refused_before_any_trial()
    {
        var e = Assert.Throws<ComponentConfigurationException>(() => Vqe("""{ "hamiltonian": { "model": "h2" }, "resourceEstimate": { "qecScheme": "floquet_code" } }"""));
        Assert.Contains("Majorana", e.Message, StringComparison.Ordinal);
        Assert.Contains("qubit_gate_ns_e3", e.Message, StringComparison.Ordinal);
    }

    private static VariationalEvaluator Vqe(string options) =>
        VariationalEvaluator.Create(new VqeTaskFactory(), TestContexts.Bind<VqeEvaluatorOptions>(options), TestContexts.In());

    private (IReadOnlyDictionary<string, double> Metrics, string Folder) Evaluate(VariationalEvaluator evaluator, NasPlatform.Abstractions.Candidates.Candidate candidate, string name)
    {
        var folder = Path.Combine(_work.FullName, name);
        var result = evaluator.Evaluate(new EvaluationRequest(candidate, evaluator.Fidelities[0], 3, folder), null, CancellationToken.None);
        return (result.Metrics, folder);
    }
}
