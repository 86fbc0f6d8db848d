using System.Globalization;
using NasPlatform.Abstractions;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Plugins.Eda.Evaluation;
using NasPlatform.Plugins.Eda.Export;
using NasPlatform.Plugins.Eda.Models;
using NasPlatform.Plugins.Eda.Spaces;
using NasPlatform.Torch;
using Newtonsoft.Json;

namespace NasPlatform.Plugins.Eda.Commands;

/// <summary>
/// `nas eda export-model EXP --trial N` (or `nas eda export-model FOLDER`): writes model.onnx for a routability
/// network a trial trained, from the weights, network and input scaling the trial kept (model.bin, candidate.json,
/// scaling.json), for ONNX Runtime or ML.NET. A plugin command: the graph and the weight names are this plugin's.
/// </summary>
internal static class ExportModelCommand
{
    public static PluginCommand Declaration { get; } = new(
        "eda",
        "export-model",
        "Write model.onnx (ONNX, opset 17; feature maps in, failed-net ratio and hotspot map out) for a routability network a trial trained.",
        [new PluginCommandArgument("SOURCE", "An experiment file or store (with --trial N), or a folder holding model.bin, candidate.json and scaling.json (a trial's folder).")],
        [
            new("trial", "N", "The trial whose trained network to export (`nas status EXP` lists them)."),
            new("experiment", "NAME", "The experiment, when the store holds several."),
            new("out", "FILE", "Where to write the model (default: model.onnx in the trial's folder)."),
        ],
        ["eda export-model examples/eda/routability-nas.json --trial 4", "eda export-model examples/eda/routability-nas.db.artifacts/1-routability-nas/trial-4"],
        RunAsync);

    private static Task<int> RunAsync(PluginCommandInvocation command, CancellationToken cancellationToken)
    {
        var (weights, candidate, scalingFile) = Locate(command);
        if (!File.Exists(weights))
        {
            throw new NasConfigurationException($"{weights} does not exist: the trial kept no trained weights (trials evaluated before the routability evaluator saved them, or a deleted file); rerun the trial with this version.");
        }

        if (!File.Exists(scalingFile))
        {
            throw new NasConfigurationException($"{scalingFile} does not exist: export-model needs the input scaling the trial saved beside {Path.GetFileName(weights)}.");
        }

        FeatureScaling scaling;
        RoutabilityNet net;
        try
        {
            scaling = FeatureScaling.Read(scalingFile);
            net = RoutabilityNet.From(candidate);
        }
        catch (Exception e) when (e is InvalidDataException or JsonException or FormatException or ArgumentException)
        {
            throw new NasConfigurationException(e.Message);
        }

        TorchRuntime.EnsureAvailable();
        using var model = new RoutabilityModel(net, scaling.Channels.Count, new Random(0));
        try
        {
            model.load(weights);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or NotImplementedException)
        {
            throw new NasConfigurationException($"{weights}: these weights do not fit the trial's network ({e.Message}).");
        }

        model.eval();
        var output = Path.GetFullPath(command.Value("out") ?? Path.Combine(Path.GetDirectoryName(weights)!, RoutabilityEvaluator.OnnxFileName));
        RoutabilityOnnxExporter.Write(output, net, model, scaling);
        command.Output.WriteLine(output);
        command.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"input '{RoutabilityOnnxExporter.InputName}' float [batch, {scaling.Channels.Count}, {scaling.Grid}, {scaling.Grid}] ({string.Join(", ", scaling.Channels)}, unscaled); outputs '{RoutabilityOnnxExporter.RatioName}' [batch], '{RoutabilityOnnxExporter.HotspotName}' [batch, {scaling.Grid}, {scaling.Grid}] and their logits"));
        return Task.FromResult(0);
    }

    /// <summary>The weights, network and scaling file, from a stored trial's artifacts or a folder.</summary>
    private static (string Weights, Candidate Candidate, string Scaling) Locate(PluginCommandInvocation command)
    {
        var source = command.Arguments[0];
        if (Directory.Exists(source))
        {
            var folder = Path.GetFullPath(source);
            var candidateFile = Path.Combine(folder, RoutabilityEvaluator.CandidateFileName);
            if (!File.Exists(candidateFile))
            {
                throw new NasConfigurationException($"{candidateFile} does not exist: give a routability trial's folder (model.bin, candidate.json, scaling.json), or the experiment with --trial N.");
            }

            Candidate candidate;
            try
            {
                candidate = Candidate.Parse(File.ReadAllText(candidateFile));
            }
            catch (Exception e) when (e is JsonException or FormatException or ArgumentException)
            {
                throw new NasConfigurationException($"{candidateFile}: not a candidate ({e.Message}).");
            }

            return (Path.Combine(folder, RoutabilityEvaluator.WeightsFileName), candidate, Path.Combine(folder, FeatureScaling.FileName));
        }

        var text = command.Value("trial") ?? throw new NasConfigurationException(
            File.Exists(source)
                ? $"Name the trial: --trial N (`nas status {source}` lists the trials; the best is marked)."
                : $"{source} is neither an experiment file, a store nor a folder; give the experiment with --trial N, or a trial's folder.");
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) || number < 0)
        {
            throw new NasConfigurationException($"--trial {text}: a trial number is a whole number >= 0 (`nas status {source}` lists them).");
        }

        var trials = command.Trials ?? throw new InvalidOperationException("This host gives plugin commands no access to stored trials.");
        var trial = trials.Read(source, command.Value("experiment"), number);
        if (trial.Evaluator != RoutabilityEvaluator.Name)
        {
            throw new NasConfigurationException($"Trial {number} of {source} was evaluated by '{trial.Evaluator}', not '{RoutabilityEvaluator.Name}'; `nas eda export-model` exports routability networks.");
        }

        string? Artifact(string name) => trial.Artifacts.FirstOrDefault(a => a.Name == name)?.Path;
        var weights = Artifact("weights") ?? throw new NasConfigurationException(
            $"Trial {number} of {source} kept no trained weights (evaluated before the routability evaluator saved them); rerun it with this version, then export.");
        return (weights, trial.Candidate, Artifact("scaling") ?? Path.Combine(Path.GetDirectoryName(weights)!, FeatureScaling.FileName));
    }
}
