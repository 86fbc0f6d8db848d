using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Views;
using NasPlatform.Plugins.Quantum.Circuits;
using NasPlatform.Plugins.Quantum.Evaluation;
using NasPlatform.Plugins.Quantum.Qdk;
using NasPlatform.Plugins.Quantum.Tasks.Vqe;
using NasPlatform.Plugins.Quantum.Views;

namespace NasPlatform.Plugins.Quantum.Tests.Views;

/// <summary>The plugin's domain views: the trained circuit drawn as a diagram, and its metrics.</summary>
public sealed class QuantumTrialViewsTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("quantum-views-");

    public void Dispose() => _work.Delete(true);

    [Fact]
    public void AnEvaluatedCircuitIsDrawnWithEveryGateAndItsTrainedAngles()
    {
        var evaluator = VariationalEvaluator.Create(new VqeTaskFactory(), TestContexts.Bind<VqeEvaluatorOptions>("""{ "hamiltonian": { "model": "h2" }, "fidelities": ["s50x1"] }"""), TestContexts.In());
        var candidate = CircuitFactory.Layered(4, 2);
        var result = evaluator.Evaluate(new EvaluationRequest(candidate, evaluator.Fidelities[0], 3, _work.FullName), null, CancellationToken.None);

        var views = new QuantumTrialViews().Render(Request(candidate, result.Metrics, result.Artifacts), CancellationToken.None);

        Assert.Equal(["Circuit", "Energy convergence", "Measured", "Q# (Microsoft QDK)", "Download the circuit"], views.Select(v => v.Title));
        Assert.Equal([TrialView.Svg, TrialView.Svg, TrialView.Html, TrialView.Text, TrialView.Html], views.Select(v => v.MediaType));
        // The circuit as Q#, the trained angles baked in; no resource estimates until `nas quantum estimate` ran.
        Assert.Contains("operation PrepareFoundStateAnsatz(theta : Double[], qs : Qubit[])", Encoding.UTF8.GetString(views[3].Content), StringComparison.Ordinal);
        var svg = Encoding.UTF8.GetString(views[0].Content);
        Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"", svg);
        System.Xml.Linq.XDocument.Parse(svg);
        var circuit = CircuitCandidates.Read(candidate);
        Assert.Equal(circuit.ParameterCount, Regex.Count(svg, ">RY<"));
        Assert.Equal(circuit.Gates.Count(g => g.Name == "cnot"), Regex.Count(svg, "r=\"9\""));
        var angles = JObject.Parse(File.ReadAllText(result.Artifacts.Single(a => a.Name == "parameters").Path))["parameters"]!.Values<double>().ToList();
        Assert.All(angles, a => Assert.Contains($">{a.ToString("F2", CultureInfo.InvariantCulture)}<", svg));
        Assert.Contains("trained angles", views[0].Caption);
        var html = Encoding.UTF8.GetString(views[2].Content);
        Assert.Contains($"<td>energy</td><td class=\"n\">{result.Metrics["energy"].ToString("G8", CultureInfo.InvariantCulture)}</td>", html);
    }

    [Fact]
    public void TheTrialViewOffersTheCircuitAsQSharpOpenQasmAndQirDownloadsThatReimportToTheSameState()
    {
        var evaluator = VariationalEvaluator.Create(new VqeTaskFactory(), TestContexts.Bind<VqeEvaluatorOptions>("""{ "hamiltonian": { "model": "h2" }, "fidelities": ["s30x1"] }"""), TestContexts.In());
        var candidate = CircuitFactory.Layered(4, 2);
        var trialFolder = Directory.CreateDirectory(Path.Combine(_work.FullName, "trial-7")).FullName;
        var result = evaluator.Evaluate(new EvaluationRequest(candidate, evaluator.Fidelities[0], 3, trialFolder), null, CancellationToken.None);

        var views = new QuantumTrialViews().Render(Request(candidate, result.Metrics, result.Artifacts), CancellationToken.None);

        var html = Encoding.UTF8.GetString(views.Single(v => v.Title == "Download the circuit").Content);
        var files = Regex.Matches(html, "download=\"([^\"]+)\" href=\"data:text/plain;charset=utf-8;base64,([^\"]+)\"")
            .ToDictionary(m => m.Groups[1].Value, m => Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[2].Value)));
        Assert.Equal(Encoding.UTF8.GetString(views.Single(v => v.Title == "Q# (Microsoft QDK)").Content), files["trial-7.qs"]);
        Assert.StartsWith("OPENQASM 3", files["trial-7.qasm3.qasm"], StringComparison.Ordinal);
        Assert.StartsWith("OPENQASM 2.0;", files["trial-7.qasm"], StringComparison.Ordinal);
        // Both OpenQASM files carry the trained angles: re-imported, they prepare the state the trial's circuit prepares.
        var found = FoundCircuit.Read(Request(candidate, result.Metrics, result.Artifacts));
        var expected = QdkDifferential.Ours(found.Circuit, found.Parameters.ToArray());
        foreach (var name in new[] { "trial-7.qasm3.qasm", "trial-7.qasm" })
        {
            var imported = NasPlatform.Quantum.Simulator.Qasm.QasmImporter.Import(files[name]);
            Assert.True(QdkDifferential.Deviation(expected, QdkDifferential.Ours(imported, [])) < 1e-9, name);
        }

        // QIR is offered exactly when Microsoft's compiler is installed here; otherwise the page says how to get it.
        if (QdkInstallation.Existing() is null)
        {
            Assert.DoesNotContain("trial-7.ll", files.Keys);
            Assert.Contains("--format qir", html, StringComparison.Ordinal);
        }
        else
        {
            Assert.Matches(@"call void @__quantum__qis__r[xy]__body\(double ", files["trial-7.ll"]);
        }
    }

    [Fact]
    public void AnExcitationCircuitGetsItsGateCountsQSharpAndDownloadsThoughItHasNoLayerDiagram()
    {
        // ADAPT-VQE, UCCSD and the excitation space are what chemists run; their trials must reach the QDK views too.
        var evaluator = Excitation.ExcitationEvaluationTests.Evaluator(Excitation.ExcitationEvaluationTests.H2, "jordan-wigner", false, "s30x1");
        var space = NasPlatform.Plugins.Quantum.Excitation.ExcitationSpace.Create(
            TestContexts.Bind<NasPlatform.Plugins.Quantum.Excitation.ExcitationSpaceOptions>("""{ "orbitals": 2, "electrons": 2 }"""), TestContexts.In());
        var candidate = space.Uccsd();
        var result = evaluator.Evaluate(new EvaluationRequest(candidate, evaluator.Fidelities[0], 3, _work.FullName), null, CancellationToken.None);

        var views = new QuantumTrialViews().Render(Request(candidate, result.Metrics, result.Artifacts), CancellationToken.None);

        Assert.Equal(["Circuit", "Energy convergence", "Measured", "Q# (Microsoft QDK)", "Download the circuit"], views.Select(v => v.Title));
        var summary = Encoding.UTF8.GetString(views[0].Content);
        Assert.StartsWith(string.Create(CultureInfo.InvariantCulture, $"4 qubits, "), summary, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"({result.Metrics["cnot_count"]} CNOTs,"), summary, StringComparison.Ordinal);
        Assert.Contains("\"space\": \"excitation\"", summary, StringComparison.Ordinal);
        Assert.Contains("operation PrepareFoundState", Encoding.UTF8.GetString(views[3].Content), StringComparison.Ordinal);
    }

    [Fact]
    public void TheEnergyConvergenceOfTheBestRestartIsRecordedAndDrawnAgainstTheExactEnergy()
    {
        var evaluator = VariationalEvaluator.Create(new VqeTaskFactory(), TestContexts.Bind<VqeEvaluatorOptions>("""{ "hamiltonian": { "model": "h2" }, "fidelities": ["s40x2"] }"""), TestContexts.In());
        var candidate = CircuitFactory.Layered(4, 2);
        var result = evaluator.Evaluate(new EvaluationRequest(candidate, evaluator.Fidelities[0], 5, _work.FullName), null, CancellationToken.None);

        var trace = JObject.Parse(File.ReadAllText(result.Artifacts.Single(a => a.Name == "parameters").Path))["convergence"]!.Values<double>().ToArray();
        Assert.InRange(trace.Length, 2, 40);
        for (var i = 1; i < trace.Length; i++)
        {
            Assert.True(trace[i] <= trace[i - 1], $"step {i}: the best loss rose from {trace[i - 1]} to {trace[i]}");
        }

        // The last value is the winning restart's best energy, the trial's energy.
        Assert.Equal(result.Metrics["energy"], trace[^1], 9);
        Assert.True(trace[0] > trace[^1]);

        var views = new QuantumTrialViews().Render(Request(candidate, result.Metrics, result.Artifacts), CancellationToken.None);
        var chart = views.Single(v => v.Title == "Energy convergence");
        var svg = Encoding.UTF8.GetString(chart.Content);
        System.Xml.Linq.XDocument.Parse(svg);
        var points = Regex.Match(svg, "points=\"([^\"]*)\"").Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(trace.Length, points.Length);
        Assert.Contains("exact -1.137306", svg);
        Assert.Contains($"{trace.Length - 1} steps", chart.Caption);
    }

    [Fact]
    public void WithoutItsParametersArtifactTheDiagramNamesTheAngles()
    {
        var candidate = CircuitFactory.Layered(3, 1);

        var views = new QuantumTrialViews().Render(Request(candidate, new Dictionary<string, double> { ["energy"] = -1 }, []), CancellationToken.None);

        var svg = Encoding.UTF8.GetString(views[0].Content);
        Assert.Contains(">θ0<", svg);
        Assert.Contains(">θ2<", svg);
        Assert.Contains("angles not recorded", views[0].Caption);
    }

    [Fact]
    public void GatesShareAColumnOnlyWhenTheirWiresDoNotOverlap()
    {
        var circuit = new AnsatzCircuit(3, [new("ry", 0), new("ry", 1), new("cnot", 0, 2), new("ry", 1), new("cz", 1, 2)]);

        var columns = CircuitDiagram.Schedule(circuit);

        // The CNOT 0→2 crosses wire 1, so it waits for the RY on 1 and blocks the later RY on 1.
        Assert.Equal([0, 0, 1, 2, 3], columns);
    }

    [Fact]
    public void ACandidateOfAnotherPluginIsShownAsANoteNotAnError()
    {
        var views = new QuantumTrialViews().Render(Request(Candidate.From(JObject.Parse("""{ "digits": [1, 2] }""")), new Dictionary<string, double>(), []), CancellationToken.None);

        var view = Assert.Single(views);
        Assert.Equal(TrialView.Text, view.MediaType);
        Assert.Contains("Not a circuit of this plugin", Encoding.UTF8.GetString(view.Content));
    }

    private TrialViewRequest Request(Candidate candidate, IReadOnlyDictionary<string, double> metrics, IReadOnlyList<Artifact> artifacts) =>
        new(candidate, "s50x1", metrics, artifacts, "vqe", new JObject(), _work.FullName);
}
