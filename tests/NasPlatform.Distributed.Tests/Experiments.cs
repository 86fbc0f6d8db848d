using Newtonsoft.Json.Linq;
using NasPlatform.Engine.Experiments;

namespace NasPlatform.Distributed.Tests;

/// <summary>Small real experiments (NAS-Bench-201 lookup, H2 VQE), written into a test's folder.</summary>
public static class Experiments
{
    public static ExperimentSpec Nb201(string directory, string name, string strategy, int trials, int workers, int seed) =>
        Spec(directory, $$"""
        {
          "name": "{{name}}",
          "plugin": "tabular",
          "searchSpace": { "name": "nas-bench-201" },
          "evaluator": { "name": "lookup", "options": { "table": {{JValue.CreateString(RepoPaths.Nb201Table).ToString(Newtonsoft.Json.Formatting.None)}}, "metric": "accuracy" } },
          "strategy": { "name": "{{strategy}}" },
          "objectives": [{ "metric": "accuracy", "direction": "maximize" }],
          "budget": { "trials": {{trials}} },
          "workers": {{workers}},
          "seed": {{seed}},
          "store": "{{name}}.db"
        }
        """);

    public static ExperimentSpec H2Vqe(string directory, string name, int trials, int workers, int seed) =>
        Spec(directory, $$"""
        {
          "name": "{{name}}",
          "plugin": "quantum",
          "searchSpace": {
            "name": "layerwise",
            "options": { "qubits": 4, "layers": 2, "coupling": "line", "rotations": ["none", "ry"], "entanglers": ["none", "cnot"] }
          },
          "evaluator": { "name": "vqe", "options": { "hamiltonian": { "model": "h2" }, "initialState": "1100", "fidelities": ["s200x4"] } },
          "strategy": { "name": "random" },
          "objectives": [{ "metric": "energy", "direction": "minimize" }],
          "budget": { "trials": {{trials}} },
          "workers": {{workers}},
          "seed": {{seed}},
          "store": "{{name}}.db"
        }
        """);

    public static ExperimentSpec Hello(string directory, string name, int trials, int workers, int delayMilliseconds, int seed) =>
        Spec(directory, $$"""
        {
          "name": "{{name}}",
          "plugin": "hello",
          "searchSpace": { "name": "digits", "options": { "length": 5 } },
          "evaluator": { "name": "target", "options": { "target": "27182", "delayMilliseconds": {{delayMilliseconds}} } },
          "strategy": { "name": "random" },
          "objectives": [{ "metric": "score", "direction": "maximize" }],
          "budget": { "trials": {{trials}} },
          "workers": {{workers}},
          "seed": {{seed}},
          "store": "{{name}}.db"
        }
        """);

    private static ExperimentSpec Spec(string directory, string json)
    {
        var name = JObject.Parse(json).Value<string>("name")!;
        var path = Path.Combine(directory, name + ".json");
        File.WriteAllText(path, json);
        return ExperimentFile.Load(path);
    }
}
