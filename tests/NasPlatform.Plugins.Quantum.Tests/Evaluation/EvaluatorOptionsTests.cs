using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Plugins.Quantum.Evaluation;
using NasPlatform.Plugins.Quantum.Tasks;
using NasPlatform.Plugins.Quantum.Tasks.Vqe;
using NasPlatform.Plugins.Quantum.Training;

namespace NasPlatform.Plugins.Quantum.Tests.Evaluation;

public sealed class EvaluatorOptionsTests
{
    [Fact]
    public void TaskDefinitionsAndRequiredOptionsCarryIntoTheMergedSchemas()
    {
        var fake = new FakeTaskFactory("""
            { "type": "object", "required": ["features"],
              "definitions": { "count": { "type": "integer", "minimum": 1 } },
              "properties": { "features": { "$ref": "#/definitions/count" } } }
            """);
        var own = JObject.Parse(VariationalEvaluatorOptions.SchemaFor(fake));
        Assert.Equal("#/definitions/count", (string?)own["properties"]!["features"]!["$ref"]);
        Assert.NotNull(own["definitions"]!["count"]);
        Assert.Equal(["features"], own["required"]!.Select(t => (string)t!));

        var generic = JObject.Parse(VariationalEvaluatorOptions.GenericSchema([fake, new VqeTaskFactory()]));
        Assert.NotNull(generic["definitions"]!["count"]);
        Assert.Equal(["fake", "vqe"], generic["properties"]!["task"]!["enum"]!.Select(t => (string)t!));

        var missing = Assert.Throws<ComponentConfigurationException>(() => VariationalEvaluatorOptions.CheckTaskOptions(fake, JObject.Parse("""{ "task": "fake" }""")));
        Assert.Equal("features", missing.OptionPath);
        var foreign = Assert.Throws<ComponentConfigurationException>(() => VariationalEvaluatorOptions.CheckTaskOptions(fake, JObject.Parse("""{ "task": "fake", "features": 2, "hamiltonian": "Z0" }""")));
        Assert.Equal("hamiltonian", foreign.OptionPath);
        VariationalEvaluatorOptions.CheckTaskOptions(fake, JObject.Parse("""{ "task": "fake", "features": 2, "sigma": 0.1, "fidelities": ["s10x1"] }"""));
    }

    [Fact]
    public void TaskRedefiningATrainingOptionIsAProgrammingError()
    {
        var clash = new FakeTaskFactory("""{ "type": "object", "properties": { "sigma": { "type": "number" } } }""");
        var error = Assert.Throws<InvalidOperationException>(() => VariationalEvaluatorOptions.SchemaFor(clash));
        Assert.Contains("sigma", error.Message);
    }

    [Fact]
    public void TrainingOptionsAreRead()
    {
        var options = VariationalEvaluatorOptions.Parse(JObject.Parse("""{ "optimizer": "adam", "learningRate": 0.2, "sigma": 0.05, "plateauTolerance": 0, "plateauWindow": 7, "lbfgsMemory": 3, "fidelities": ["s5x2", "s1x1"] }"""));
        Assert.Equal(new OptimizerSettings(OptimizerKind.Adam, 0.2, 0.05, 0, 7, 3), options.Optimizer);
        Assert.Equal(["s1x1", "s5x2"], options.Fidelities.Select(f => f.Name));
        Assert.Null(TrainingFidelity.TryParse("s10"));
        Assert.Equal((10, 3), TrainingFidelity.TryParse("s10x3"));
    }

    private sealed class FakeTaskFactory(string schema) : IVariationalTaskFactory
    {
        public string Name => "fake";

        public string Description => "A fake task for schema tests.";

        public string OptionsSchema => schema;

        public IVariationalTask Create(ComponentContext context) => throw new NotSupportedException();
    }
}
