using NasPlatform.Abstractions;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Engine;
using NasPlatform.Engine.Plugins;

namespace NasPlatform.Plugins.Quantum.Tests;

/// <summary>The plugin as the CLI sees it: loaded by the engine's PluginCatalog from artifacts/bin/nas/plugins.</summary>
public sealed class QuantumPluginLoadingTests
{
    private static readonly Lazy<PluginCatalog> Catalog = new(() => PluginCatalog.Load([PluginsFolder]));

    private static string PluginsFolder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "NasPlatform.sln")))
                {
                    return Path.Combine(dir.FullName, "artifacts", "bin", "nas", "plugins");
                }
            }

            throw new InvalidOperationException($"No NasPlatform.sln above {AppContext.BaseDirectory}.");
        }
    }

    [Fact]
    public void LoadsWithItsSpacesAndEvaluators()
    {
        var plugin = Catalog.Value.Find("quantum");
        Assert.NotNull(plugin);
        Assert.Equal(["layerwise", "gatewise", "excitation"], plugin.SearchSpaces.Select(s => s.Name));
        Assert.Contains("vqe", plugin.Evaluators.Select(e => e.Name));
        Assert.Contains("variational", plugin.Evaluators.Select(e => e.Name));
        Assert.DoesNotContain(Catalog.Value.Failures, f => f.Path.Contains("Quantum", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ComponentsBuiltThroughTheCatalogEvaluateACandidate()
    {
        var space = Catalog.Value.CreateSearchSpace("quantum", "layerwise", JObject.Parse("""{ "qubits": 2, "layers": 2, "coupling": "line" }"""), Path.GetTempPath(), 0, "test.json, $.searchSpace.options");
        var evaluator = Catalog.Value.CreateEvaluator("quantum", "vqe", JObject.Parse("""{ "hamiltonian": "-1.0 Z0 Z1 - 0.5 X0", "fidelities": ["s50x1"] }"""), Path.GetTempPath(), 0, "test.json, $.evaluator.options");
        var candidate = space.Sample(new Random(1));
        Assert.Empty(space.Validate(candidate));
        Assert.True(space.FreeStatistics(candidate).ContainsKey("expressibility"));
        var work = Directory.CreateTempSubdirectory("quantum-catalog-");
        try
        {
            var result = await evaluator.EvaluateAsync(new EvaluationRequest(candidate, evaluator.Fidelities[0], 3, work.FullName), new Progress<EvaluationProgress>(), CancellationToken.None);
            Assert.True(result.Metrics.ContainsKey("energy_error"));
            Assert.Equal(2, result.Artifacts.Count);
        }
        finally
        {
            work.Delete(true);
        }
    }

    [Theory]
    [InlineData("vqe", """{ "hamiltonian": "Z0", "optimiser": "adam" }""", "optimiser")]
    [InlineData("vqe", """{ "hamiltonian": "Z0", "task": "classifier" }""", "task")]
    [InlineData("vqe", """{ "hamiltonian": { "model": "tfim" } }""", "hamiltonian")]
    [InlineData("variational", """{ "hamiltonian": "Z0" }""", "task")]
    [InlineData("vqe", """{ "hamiltonian": "Z0", "fidelities": ["300 steps"] }""", "fidelities")]
    public void SchemaRejectsBadEvaluatorOptionsBeforeTheFactoryRuns(string evaluator, string options, string fragment)
    {
        var error = Assert.Throws<NasConfigurationException>(() => Catalog.Value.CreateEvaluator("quantum", evaluator, JObject.Parse(options), Path.GetTempPath(), 0, "test.json, $.evaluator.options"));
        Assert.Contains(fragment, error.Message);
    }

    [Theory]
    [InlineData("""{ "hamiltonian": { "model": "tfim", "qubits": 4 } }""")]
    [InlineData("""{ "hamiltonian": { "model": "heisenberg", "qubits": 4, "jz": 0.5 } }""")]
    [InlineData("""{ "hamiltonian": { "model": "h2-parity" }, "optimizer": "adam", "sigma": 0.1 }""")]
    [InlineData("""{ "hamiltonian": "0.5 Z0 Z1 + 0.3 X2", "initialState": "010" }""")]
    public void SchemaAcceptsEveryHamiltonianForm(string options)
    {
        var evaluator = Catalog.Value.CreateEvaluator("quantum", "vqe", JObject.Parse(options), Path.GetTempPath(), 0, "test.json, $.evaluator.options");
        Assert.Equal(3, evaluator.Fidelities.Count);
    }

    [Fact]
    public void SchemaAcceptsEveryCouplingForm()
    {
        foreach (var coupling in new[] { "\"ring\"", "{ \"grid\": [2, 2] }", "{ \"edges\": [[0,1],[1,2],[2,3]] }" })
        {
            var space = Catalog.Value.CreateSearchSpace("quantum", "gatewise", JObject.Parse($$"""{ "qubits": 4, "coupling": {{coupling}} }"""), Path.GetTempPath(), 0, "test.json, $.searchSpace.options");
            Assert.Empty(space.Validate(space.Sample(new Random(2))));
        }

        var error = Assert.Throws<NasConfigurationException>(() => Catalog.Value.CreateSearchSpace("quantum", "layerwise", JObject.Parse("""{ "qubits": 4, "coupling": { "edges": [[0,1],[2,3]] } }"""), Path.GetTempPath(), 0, "test.json, $.searchSpace.options"));
        Assert.Contains("disconnected", error.Message);
    }
}
