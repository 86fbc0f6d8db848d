using NasPlatform.Search.Torch;
using NasPlatform.Engine.Strategies;
using System.Text;
using NasPlatform.Abstractions.Views;
using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Plugins;
using NasPlatform.Engine.Running;
using NasPlatform.Engine.Storage;
using NasPlatform.Reporting.Data;
using NasPlatform.Reporting.Views;

namespace NasPlatform.Reporting.Tests;

/// <summary>Plugins' domain views found through the contract: the quantum plugin draws its best circuit; a plugin without views gets none.</summary>
public sealed class DomainViewsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nas-views-").FullName;
    private readonly PluginCatalog _plugins = PluginCatalog.Load([RepoPaths.Plugins]);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void QuantumReportShowsTheBestCircuitDrawnByThePlugin()
    {
        var store = Run("""
            {
              "name": "h2", "plugin": "quantum",
              "searchSpace": { "name": "layerwise", "options": { "qubits": 4, "layers": 2, "coupling": "line", "rotations": ["none", "ry", "rx"], "entanglers": ["none", "cnot"] } },
              "evaluator": { "name": "vqe", "options": { "hamiltonian": { "model": "h2" }, "initialState": "1100", "fidelities": ["s30x1"] } },
              "strategy": { "name": "random" },
              "objectives": [ { "metric": "energy", "direction": "minimize" } ],
              "budget": { "trials": 3 }, "seed": 0
            }
            """);
        using var source = ExperimentSource.Open(store);
        var snapshot = source.Snapshots().Single();

        var set = DomainViews.ForBest(snapshot, _plugins, 1, CancellationToken.None);
        var text = Html.HtmlReport.Render(Report.Build([snapshot], _plugins));

        Assert.Null(set.Problem);
        var trial = Assert.Single(set.Trials);
        Assert.Null(trial.Problem);
        Assert.Equal(["Circuit", "Energy convergence", "Measured", "Q# (Microsoft QDK)", "Download the circuit"], trial.Views.Select(v => v.Title));
        Assert.Equal([TrialView.Svg, TrialView.Svg, TrialView.Html, TrialView.Text, TrialView.Html], trial.Views.Select(v => v.MediaType));
        // The found circuit as Q# a user can paste into a QDK project, beside the drawing (issue 21).
        Assert.Contains("operation ", Encoding.UTF8.GetString(trial.Views[3].Content));
        Assert.Contains("<svg", Encoding.UTF8.GetString(trial.Views[0].Content));
        Assert.Contains("data:image/svg+xml;base64,", text);
        Assert.Contains($"<h4>Trial {trial.Trial.Number}</h4>", text);
        // The report offers the circuit for download in the page itself (issue 21: export from the report's trial view).
        Assert.Contains($"download=\"trial-{trial.Trial.Number}.qs\" href=\"data:text/plain;charset=utf-8;base64,", text, StringComparison.Ordinal);
        Assert.Contains($"download=\"trial-{trial.Trial.Number}.qasm3.qasm\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void APluginWithoutViewsGetsNoneAndNoProblem()
    {
        var store = Run("""
            {
              "name": "hello", "plugin": "hello",
              "searchSpace": { "name": "digits", "options": { "length": 4 } },
              "evaluator": { "name": "target", "options": { "target": "3141" } },
              "objectives": [ { "metric": "score", "direction": "maximize" } ],
              "strategy": { "name": "random" },
              "budget": { "trials": 3 }, "seed": 0
            }
            """);
        using var source = ExperimentSource.Open(store);

        var set = DomainViews.ForBest(source.Snapshots().Single(), _plugins, 3, CancellationToken.None);

        Assert.Null(DomainViews.Find(source.Snapshots().Single().Spec, _plugins));
        Assert.Null(set.Problem);
        Assert.Empty(set.Trials);
    }

    private string Run(string json)
    {
        var file = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(file, json);
        var spec = ExperimentFile.Load(file);
        using var store = SqliteTrialStore.Open(spec.StorePath);
        new ExperimentRunner(spec, ComponentResolver.Resolve(spec, _plugins, new StrategyCatalog(SearchComponents.Strategies)), store).RunAsync().GetAwaiter().GetResult();
        return spec.StorePath;
    }
}
