using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using NasPlatform.Abstractions;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Plugins.Eda.Commands;
using NasPlatform.Plugins.Eda.Evaluation;
using NasPlatform.Plugins.Eda.Export;
using NasPlatform.Plugins.Eda.Spaces;
using NasPlatform.Plugins.Eda.Tests.Training;

namespace NasPlatform.Plugins.Eda.Tests.Export;

/// <summary>
/// `nas eda export-model` on what a routability trial keeps: the evaluator's own artifacts (weights, candidate,
/// scaling) become a model.onnx that ONNX Runtime runs; missing pieces are named (exit 2 through the host).
/// </summary>
public sealed class ExportModelCommandTests : IDisposable
{
    private readonly string _root = SyntheticDataset.Write(Path.Combine(Path.GetTempPath(), "nas-eda-cmd-" + Guid.NewGuid().ToString("N")), designs: 4, perDesign: 4);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task A_trials_folder_exports_to_a_model_onnx_runtime_runs()
    {
        NasPlatform.Torch.TorchThreads.UseHostDefault();
        var tiny = new RoutabilityFidelityOptions { Name = "tiny", EpochScale = 0.1, DataFraction = 1 };
        var evaluator = new RoutabilityEvaluator(new RoutabilityEvaluatorOptions { Dataset = _root, TestDesigns = ["syn2"], HeldOutDesigns = 1, Fidelities = [tiny] });
        var net = Baselines.PlainCnn(new TrainingRecipe(2e-3, 0, 10, 8, 1));
        var work = Path.Combine(_root, "trial-0");
        Directory.CreateDirectory(work);
        var result = evaluator.Evaluate(new EvaluationRequest(net.ToCandidate(), evaluator.Fidelities[0], 1, work), null, CancellationToken.None);
        Assert.All(result.Artifacts, a => Assert.True(File.Exists(a.Path), a.Name));

        var (code, output, _) = await Run([work]);

        Assert.Equal(0, code);
        var model = Path.Combine(work, RoutabilityEvaluator.OnnxFileName);
        Assert.Equal(model, output.Trim());
        using var session = new InferenceSession(model);
        var scaling = FeatureScaling.Read(Path.Combine(work, FeatureScaling.FileName));
        Assert.Equal(string.Join(",", scaling.Channels), session.ModelMetadata.CustomMetadataMap["channels"]);
        var input = new DenseTensor<float>([2, scaling.Channels.Count, scaling.Grid, scaling.Grid]);
        using var outputs = session.Run([NamedOnnxValue.CreateFromTensor(RoutabilityOnnxExporter.InputName, input)]);
        Assert.Equal(2, outputs.Single(o => o.Name == RoutabilityOnnxExporter.RatioName).AsEnumerable<float>().Count());
        Assert.All(outputs.Single(o => o.Name == RoutabilityOnnxExporter.HotspotName).AsEnumerable<float>(), p => Assert.InRange(p, 0f, 1f));
    }

    [Fact]
    public async Task A_folder_without_a_trials_files_is_named()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_root, "empty")).FullName;
        var e = await Assert.ThrowsAsync<NasConfigurationException>(() => Run([empty]));
        Assert.Contains("candidate.json does not exist", e.Message, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(empty, RoutabilityEvaluator.CandidateFileName), Baselines.PlainCnn().ToCandidate().Json);
        e = await Assert.ThrowsAsync<NasConfigurationException>(() => Run([empty]));
        Assert.Contains("kept no trained weights", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_experiment_file_needs_a_trial_number()
    {
        var file = Path.Combine(_root, "exp.json");
        File.WriteAllText(file, "{}");
        var e = await Assert.ThrowsAsync<NasConfigurationException>(() => Run([file]));
        Assert.Contains("--trial N", e.Message, StringComparison.Ordinal);
        e = await Assert.ThrowsAsync<NasConfigurationException>(() => Run([file], ("trial", "two")));
        Assert.Contains("--trial two", e.Message, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output, string Error)> Run(string[] arguments, params (string Name, string Value)[] options)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var invocation = new PluginCommandInvocation(arguments, options.ToDictionary(o => o.Name, o => (IReadOnlyList<string>)[o.Value]), output, error);
        var code = await ExportModelCommand.Declaration.Run(invocation, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }
}
