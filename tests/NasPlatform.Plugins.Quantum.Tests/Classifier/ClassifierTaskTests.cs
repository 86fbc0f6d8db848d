using System.Diagnostics;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Options;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Plugins.Quantum.Classifier;
using NasPlatform.Plugins.Quantum.Evaluation;
using NasPlatform.Plugins.Quantum.Tasks;
using NasPlatform.Plugins.Quantum.Training;
using Xunit.Abstractions;

namespace NasPlatform.Plugins.Quantum.Tests.Classifier;

public sealed class ClassifierTaskTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("classifier-task-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private ComponentContext Context() => TestContexts.In(_work);

    /// <summary>Two layers of RY on every qubit and a CNOT chain, then a last RY layer, as a layer-wise candidate.</summary>
    private static Candidate RyCnotCandidate() => Candidate.From(JObject.Parse("""
        {
          "space": "layerwise", "qubits": 4, "edges": [[0, 1], [1, 2], [2, 3]],
          "layers": [
            { "rotations": ["ry", "ry", "ry", "ry"], "entangler": "cnot" },
            { "rotations": ["ry", "ry", "ry", "ry"], "entangler": "cnot" },
            { "rotations": ["ry", "ry", "ry", "ry"], "entangler": "none" }
          ]
        }
        """));

    [Fact]
    public void Is_found_by_the_task_registry_and_its_options_merge_with_the_training_options()
    {
        var factory = VariationalTaskRegistry.Find("classifier");

        Assert.IsType<ClassifierTaskFactory>(factory);
        var schema = JObject.Parse(ComponentOptions.SchemaFor(factory!.OptionsType, null));
        Assert.NotNull(schema["properties"]!["classes"]);
        Assert.NotNull(schema["properties"]!["optimizer"]);
        Assert.Contains("classifier", ComponentOptions.SchemaFor<VariationalGenericOptions>(null));
    }

    [Fact]
    public void Reads_the_options()
    {
        var options = ClassifierTaskFactory.Parse(TestContexts.Bind<ClassifierEvaluatorOptions>("""
            { "classes": ["ankle boot", 7], "features": 6, "trainSamples": 100, "testSamples": 50, "batchSize": 20,
              "encoding": "rx", "readout": "parity", "loss": "squared", "dataSeed": 3, "angleRange": [-1, 1], "parallelism": 2 }
            """), Context());

        Assert.Equal(new FeatureDatasetOptionsView(9, 7, 6, 100, 50, 3, -1, 1), FeatureDatasetOptionsView.Of(options));
        Assert.Equal(20, options.BatchSize);
        Assert.Equal(NasPlatform.Quantum.Simulator.GateKind.RX, options.Encoding);
        Assert.Equal(ClassifierReadout.Parity, options.Readout);
        Assert.Equal(ClassifierLoss.SquaredError, options.Loss);
        Assert.Equal(2, options.Parallelism);
    }

    [Fact]
    public void Defaults_are_tshirt_versus_trouser_on_four_qubits()
    {
        var task = new ClassifierTaskFactory().Create(TestContexts.Bind<ClassifierEvaluatorOptions>("{}"), Context());

        Assert.Equal(4, task.NumQubits);
        Assert.Equal("accuracy", task.PrimaryMetric);
        var options = ((ClassifierTask)task).Options;
        Assert.Equal((0, 1, 400, 0), (options.Data.ClassA, options.Data.ClassB, options.Data.TrainSamples, options.Data.TestSamples));
    }

    [Theory]
    [InlineData("""{ "classes": ["trouser", "Trousers"] }""", "classes", "Trouser")]
    [InlineData("""{ "classes": ["trouser", "hat"] }""", "classes[1]", "hat")]
    [InlineData("""{ "angleRange": [1, 1] }""", "angleRange", "empty")]
    [InlineData("""{ "dataFolder": "no-such-folder" }""", "dataFolder", "no-such-folder")]
    [InlineData("""{ "batchSize": 16 }""", "batchSize", "adam")]
    public void Unusable_options_name_the_option(string json, string option, string hint)
    {
        var e = Assert.Throws<ComponentConfigurationException>(() => new ClassifierTaskFactory().Create(TestContexts.Bind<ClassifierEvaluatorOptions>(json), Context()));

        Assert.Equal(option, e.OptionPath);
        Assert.Contains(hint, e.Message);
    }

    [Fact]
    public void A_candidate_with_another_qubit_count_is_refused_with_the_fix()
    {
        var task = new ClassifierTaskFactory().Create(TestContexts.Bind<ClassifierEvaluatorOptions>("""{ "features": 3 }"""), Context());

        var e = Assert.Throws<ArgumentException>(() => task.Fit(ClassifierCircuits.RyCnotLayers(4, 1), new TrainingBudget(1, 1), new Random(1), null, default));

        Assert.Contains("set the search space's \"qubits\" to 3", e.Message);
    }

    [Fact]
    public void The_evaluator_trains_a_layerwise_candidate_to_high_test_accuracy_and_repeats_itself()
    {
        var factory = new ClassifierTaskFactory();
        var evaluator = VariationalEvaluator.Create(factory, TestContexts.Bind<ClassifierEvaluatorOptions>("""
            { "features": 4, "trainSamples": 200, "fidelities": ["s40x1"] }
            """), Context());
        var request = new EvaluationRequest(RyCnotCandidate(), evaluator.Fidelities[0], 5, Path.Combine(_work, "trial"));

        var watch = Stopwatch.StartNew();
        var first = evaluator.Evaluate(request, null, default);
        var elapsed = watch.Elapsed;
        var second = evaluator.Evaluate(request with { WorkDirectory = Path.Combine(_work, "again") }, null, default);

        var m = first.Metrics;
        output.WriteLine($"L-BFGS s40x1 in {elapsed.TotalSeconds:F2} s (data included on first use): test accuracy {m["accuracy"]:F3}, train accuracy {m["train_accuracy"]:F3}, "
            + $"test loss {m["test_loss"]:F3}, steps {m["steps"]}, explained variance {m["explained_variance"]:P1}");
        Assert.Equal(m["test_accuracy"], m["accuracy"]);
        Assert.True(m["accuracy"] >= 0.9, $"test accuracy {m["accuracy"]:F3} is below 0.9");
        Assert.Equal(first.Metrics, second.Metrics);
        Assert.All(first.Artifacts, a => Assert.True(File.Exists(a.Path), a.Path));
        Assert.Contains("ry(", File.ReadAllText(first.Artifacts.Single(a => a.Name == "circuit").Path));
    }

    [Fact]
    public void Mini_batches_with_adam_train_too()
    {
        var evaluator = VariationalEvaluator.Create(new ClassifierTaskFactory(), TestContexts.Bind<ClassifierEvaluatorOptions>("""
            { "features": 4, "trainSamples": 200, "batchSize": 25, "optimizer": "adam", "learningRate": 0.1, "sigma": 0.1, "fidelities": ["s120x1"] }
            """), Context());

        var result = evaluator.Evaluate(new EvaluationRequest(RyCnotCandidate(), evaluator.Fidelities[0], 2, Path.Combine(_work, "adam")), null, default);

        output.WriteLine($"Adam, batches of 25: test accuracy {result.Metrics["accuracy"]:F3}, steps {result.Metrics["steps"]}");
        Assert.Equal(120, result.Metrics["steps"]); // no plateau stop on noisy mini-batch losses
        Assert.True(result.Metrics["accuracy"] >= 0.9, $"test accuracy {result.Metrics["accuracy"]:F3} is below 0.9");
        Assert.Equal(((IEvaluator)evaluator).Metrics.Order(StringComparer.Ordinal), result.Metrics.Keys.Order(StringComparer.Ordinal));
    }

    /// <summary>The data options that matter here, comparable in one assertion.</summary>
    private sealed record FeatureDatasetOptionsView(int ClassA, int ClassB, int Features, int Train, int Test, int Seed, double AngleMin, double AngleMax)
    {
        public static FeatureDatasetOptionsView Of(ClassifierTaskOptions o) =>
            new(o.Data.ClassA, o.Data.ClassB, o.Data.Features, o.Data.TrainSamples, o.Data.TestSamples, o.Data.Seed, o.Data.AngleMin, o.Data.AngleMax);
    }
}
