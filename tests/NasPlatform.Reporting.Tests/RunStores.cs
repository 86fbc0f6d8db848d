using NasPlatform.Search.Torch;
using NasPlatform.Engine.Strategies;
using NasPlatform.Search.Strategies;
using NasPlatform.Workflows.Fidelities;
using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Plugins;
using NasPlatform.Engine.Running;
using NasPlatform.Engine.Storage;

namespace NasPlatform.Reporting.Tests;

/// <summary>
/// Stores made by real small runs through the engine and the built plugins, once for all tests:
/// NSGA-II on NAS-Bench-201 with half the table (so the missing cells fail with the evaluator's
/// own error), predictor-guided search with the Gaussian-process predictor (refits journaled), and
/// the EcoNAS hierarchical proxy on the example plugin with its proxy check, and a short VQE under evolution.
/// </summary>
public sealed class RunStores : IDisposable
{
    public RunStores()
    {
        Folder = Directory.CreateTempSubdirectory("nas-report-").FullName;
        Plugins = PluginCatalog.Load([RepoPaths.Plugins]);
        var halfTable = Path.Combine(Folder, "half-table.csv");
        File.WriteAllLines(halfTable, File.ReadLines(RepoPaths.Nb201Table).Where((_, i) => i == 0 || i % 2 == 1));

        Nsga2 = Run("nsga2", $$"""
            {
              "name": "nsga2", "plugin": "tabular",
              "searchSpace": { "name": "nas-bench-201" },
              "evaluator": { "name": "lookup", "options": { "table": "half-table.csv", "metric": "accuracy" } },
              "objectives": [ { "metric": "accuracy", "direction": "maximize" }, { "metric": "params", "direction": "minimize", "reference": 1.6e6 } ],
              "strategy": { "name": "nsga2", "options": { "populationSize": 8 } },
              "budget": { "trials": 40 }, "seed": 3
            }
            """);
        Predictor = Run("predictor", $$"""
            {
              "name": "predictor", "plugin": "tabular",
              "searchSpace": { "name": "nas-bench-201" },
              "evaluator": { "name": "lookup", "options": { "table": "{{RepoPaths.Nb201Table}}", "metric": "accuracy" } },
              "objectives": [ { "metric": "accuracy", "direction": "maximize" } ],
              "strategy": { "name": "predictor-guided", "options": { "initialSamples": 10, "batchSize": 6, "predictor": "gp", "searchSamples": 200, "searchGenerations": 3 } },
              "budget": { "trials": 34 }, "seed": 1
            }
            """);
        Proxy = Run("proxy", """
            {
              "name": "proxy", "plugin": "hello",
              "searchSpace": { "name": "digits", "options": { "length": 6 } },
              "evaluator": { "name": "target", "options": { "target": "314159" } },
              "objectives": [ { "metric": "score", "direction": "maximize" } ],
              "strategy": { "name": "hierarchical-proxy", "options": { "eta": 4, "sampler": { "name": "regularized-evolution", "populationSize": 10, "sampleSize": 5 } } },
              "budget": { "cost": 40 }, "seed": 1
            }
            """, proxyCheckSamples: 24);
        Vqe = Run("vqe", """
            {
              "name": "vqe", "plugin": "quantum",
              "searchSpace": { "name": "layerwise", "options": { "qubits": 4, "layers": 3, "coupling": "line", "rotations": ["none", "ry", "rz"], "entanglers": ["none", "cnot"] } },
              "evaluator": { "name": "vqe", "options": { "hamiltonian": { "model": "tfim", "qubits": 4, "j": 1, "h": 1, "periodic": false }, "optimizer": "lbfgs", "fidelities": ["s60x2"] } },
              "objectives": [ { "metric": "energy", "direction": "minimize" } ],
              "strategy": { "name": "regularized-evolution", "options": { "populationSize": 4, "sampleSize": 2 } },
              "budget": { "trials": 10 }, "seed": 1
            }
            """);
    }

    public string Folder { get; }

    public PluginCatalog Plugins { get; }

    /// <summary>Store of the NSGA-II run (two objectives, failed trials).</summary>
    public string Nsga2 { get; }

    /// <summary>Store of the predictor-guided run.</summary>
    public string Predictor { get; }

    /// <summary>Store of the hierarchical-proxy run and its proxy check.</summary>
    public string Proxy { get; }

    /// <summary>Store of a short VQE (4-qubit TFIM) under regularized evolution: energy per optimizer step, parents.</summary>
    public string Vqe { get; }

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private string Run(string name, string json, int proxyCheckSamples = 0)
    {
        var file = Path.Combine(Folder, name + ".json");
        File.WriteAllText(file, json);
        var spec = ExperimentFile.Load(file);
        var components = ComponentResolver.Resolve(spec, Plugins, new StrategyCatalog(SearchComponents.Strategies));
        using var store = SqliteTrialStore.Open(spec.StorePath);
        new ExperimentRunner(spec, components, store).RunAsync().GetAwaiter().GetResult();
        if (proxyCheckSamples > 0)
        {
            new ProxyCheck(spec, components, store).RunAsync(proxyCheckSamples).GetAwaiter().GetResult();
        }

        return spec.StorePath;
    }
}
