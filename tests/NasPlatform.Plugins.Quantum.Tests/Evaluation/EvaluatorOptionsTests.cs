using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using NasPlatform.Abstractions.Options;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Plugins.Quantum.Evaluation;
using NasPlatform.Plugins.Quantum.Tasks;
using NasPlatform.Plugins.Quantum.Training;

namespace NasPlatform.Plugins.Quantum.Tests.Evaluation;

public sealed class EvaluatorOptionsTests
{
    [Fact]
    public void TaskAndTrainingOptionsMergeInTheTaskRecordAndTheGenericEvaluatorChecksThem()
    {
        var fake = new FakeTaskFactory();
        var own = JsonNode.Parse(ComponentOptions.SchemaFor(fake.OptionsType, null))!;
        Assert.Equal(1, (int)own["properties"]!["features"]!["minimum"]!);
        Assert.NotNull(own["properties"]!["sigma"]);
        Assert.Equal(["features"], own["required"]!.AsArray().Select(t => (string)t!));

        var generic = JsonNode.Parse(ComponentOptions.SchemaFor<VariationalGenericOptions>(null))!;
        Assert.Equal(["classifier", "vqe"], generic["properties"]!["task"]!["enum"]!.AsArray().Select(t => (string)t!));
        Assert.Equal(["task"], generic["required"]!.AsArray().Select(t => (string)t!));

        var missing = Assert.Throws<ComponentConfigurationException>(() => VariationalTaskOptions.Bind(Generic("""{ "task": "fake" }"""), fake));
        Assert.Equal("features", missing.OptionPath);
        var foreign = Assert.Throws<ComponentConfigurationException>(() => VariationalTaskOptions.Bind(Generic("""{ "task": "fake", "features": 2, "hamiltonian": "Z0" }"""), fake));
        Assert.Equal("hamiltonian", foreign.OptionPath);
        var range = Assert.Throws<ComponentConfigurationException>(() => VariationalTaskOptions.Bind(Generic("""{ "task": "fake", "features": 0 }"""), fake));
        Assert.Equal("features", range.OptionPath);
        var bound = Assert.IsType<FakeOptions>(VariationalTaskOptions.Bind(Generic("""{ "task": "fake", "features": 2, "sigma": 0.1, "fidelities": ["s10x1"] }"""), fake));
        Assert.Equal((2, 0.1, "s10x1"), (bound.Features, bound.Sigma, bound.Fidelities.Single()));
    }

    [Fact]
    public void NoTaskRedefinesATrainingOption()
    {
        var training = VariationalTaskOptions.NamesOf(typeof(VariationalEvaluatorOptions));
        foreach (var task in VariationalTaskRegistry.All)
        {
            Assert.True(typeof(VariationalEvaluatorOptions).IsAssignableFrom(task.OptionsType), task.Name);
            var redefined = task.OptionsType.GetProperties()
                .Where(p => training.Contains(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(p.Name)) && p.DeclaringType != typeof(VariationalEvaluatorOptions));
            Assert.Empty(redefined);
        }
    }

    [Fact]
    public void TrainingOptionsAreRead()
    {
        var options = VariationalTraining.From(TestContexts.Bind<VariationalEvaluatorOptions>("""{ "optimizer": "adam", "learningRate": 0.2, "sigma": 0.05, "plateauTolerance": 0, "plateauWindow": 7, "lbfgsMemory": 3, "fidelities": ["s5x2", "s1x1"] }"""));
        Assert.Equal(new OptimizerSettings(OptimizerKind.Adam, 0.2, 0.05, 0, 7, 3), options.Optimizer);
        Assert.Equal(["s1x1", "s5x2"], options.Fidelities.Select(f => f.Name));
        Assert.Null(TrainingFidelity.TryParse("s10"));
        Assert.Equal((10, 3), TrainingFidelity.TryParse("s10x3"));
    }

    [Fact]
    public void TrainingDefaultsAreTheOptimizersOwn()
    {
        var defaults = new OptimizerSettings();
        Assert.Equal(defaults, new VariationalEvaluatorOptions().ToOptimizerSettings());
        Assert.Equal(TrainingFidelity.DefaultNames, new VariationalEvaluatorOptions().Fidelities);
    }

    private static VariationalGenericOptions Generic(string json) => TestContexts.Bind<VariationalGenericOptions>(json);

    /// <summary>Options of a fake task: one required option of its own.</summary>
    public sealed record FakeOptions : VariationalEvaluatorOptions
    {
        /// <summary>A count.</summary>
        [Range(1, int.MaxValue)]
        public required int Features { get; init; }
    }

    private sealed class FakeTaskFactory : VariationalTaskFactory<FakeOptions>
    {
        public override string Name => "fake";

        public override string Description => "A fake task for option tests.";

        public override IVariationalTask Create(FakeOptions options, ComponentContext context) => throw new NotSupportedException();
    }
}
