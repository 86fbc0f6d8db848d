using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Datasets;
using NasPlatform.Plugins.Vision.Data;
using NasPlatform.Plugins.Vision.Evaluation;
using NasPlatform.Plugins.Vision.Export;
using NasPlatform.Plugins.Vision.Networks;
using NasPlatform.Plugins.Vision.Spaces;
using NasPlatform.Torch;

namespace NasPlatform.Plugins.Vision.Commands;

/// <summary>
/// `nas vision export-model EXP --trial N` (or `nas vision export-model FOLDER`): writes model.onnx beside a final
/// model's model.bin and candidate.json (what `nas train-final` saved), for ONNX Runtime or ML.NET. A plugin command,
/// not a host one: the graph, the layer names in the weights and the input normalization are the vision plugin's.
/// Contributed to the host through <see cref="IPluginRegistry.AddCommand"/>.
/// </summary>
internal static class ExportModelCommand
{
    public static PluginCommand Declaration { get; } = new(
        "vision",
        "export-model",
        "Write model.onnx (ONNX, opset 17; raw 0-255 pixels in, logits out) for a final model that `nas train-final` saved.",
        [new PluginCommandArgument("SOURCE", "An experiment file (with --trial N: its final model in <store folder>/<experiment>-final/trial-N), or a folder holding model.bin and candidate.json.")],
        [
            new("trial", "N", "The trial whose final training to export (with an experiment file)."),
            new("data-folder", "DIR", "Folder of the Fashion-MNIST-style IDX files the model trained on, for the input normalization and class names (default: the experiment's evaluator option dataFolder, else the Debian package's folder)."),
            new("out", "FILE", "Where to write the model (default: model.onnx in the model's folder)."),
        ],
        ["vision export-model examples/vision/quick.json --trial 3", "vision export-model benchmarks/NasPlatform.Vision.Benchmarks/results/cpu-2026-11-28/100k"],
        RunAsync);

    private static Task<int> RunAsync(PluginCommandInvocation command, CancellationToken cancellationToken)
    {
        var (folder, dataFolder) = Locate(command);
        var weights = Path.Combine(folder, "model.bin");
        var candidateFile = Path.Combine(folder, "candidate.json");
        foreach (var file in new[] { weights, candidateFile })
        {
            if (!File.Exists(file))
            {
                throw new NasConfigurationException($"{file} does not exist: export-model needs the model.bin and candidate.json that `nas train-final` writes; run it first, or give the folder that holds them.");
            }
        }

        VisionCandidate candidate;
        try
        {
            candidate = VisionCandidate.Parse(NasPlatform.Abstractions.Candidates.Candidate.From(JObject.Parse(File.ReadAllText(candidateFile))));
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException or InvalidOperationException)
        {
            throw new NasConfigurationException($"{candidateFile}: not a vision candidate ({e.Message}); use the candidate.json `nas train-final` wrote beside model.bin.");
        }

        TorchRuntime.EnsureAvailable();
        TorchThreads.UseHostDefault();
        var data = LoadData(dataFolder);
        var network = candidate.Network(data.Train.Channels, data.Train.Size, data.Classes);
        using var model = NetworkBuilder.Build(network, candidate.Recipe.Dropout, 0);
        try
        {
            model.load(weights);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or NotImplementedException)
        {
            throw new NasConfigurationException($"{weights}: these weights do not fit the network of {candidateFile} ({e.Message}).");
        }

        var output = Path.GetFullPath(command.Value("out") ?? Path.Combine(folder, VisionEvaluator.OnnxFileName));
        OnnxExporter.Write(output, network, model, data.Normalization, data.ClassNames);
        command.Output.WriteLine(output);
        command.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"input '{OnnxExporter.InputName}' float [batch, {network.InChannels}, {network.Resolution}, {network.Resolution}] (pixel values 0-255), output '{OnnxExporter.OutputName}' float [batch, {data.Classes}]; classes {string.Join(", ", data.ClassNames)}"));
        return Task.FromResult(0);
    }

    /// <summary>The model's folder and the data folder, from an experiment file and --trial, or a folder.</summary>
    private static (string Folder, string? DataFolder) Locate(PluginCommandInvocation command)
    {
        var source = command.Arguments[0];
        var dataFolder = command.Value("data-folder");
        if (Directory.Exists(source))
        {
            return (Path.GetFullPath(source), dataFolder);
        }

        if (!File.Exists(source))
        {
            throw new NasConfigurationException($"{source} is neither an experiment file nor a folder; give the experiment file with --trial N, or the folder `nas train-final` wrote.");
        }

        var trial = command.Value("trial") is { } t && int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new NasConfigurationException($"{source} is an experiment file: add --trial N (a whole number) for the trial whose final training to export.");
        JObject experiment;
        try
        {
            experiment = JObject.Parse(File.ReadAllText(source));
        }
        catch (JsonReaderException e)
        {
            throw new NasConfigurationException($"{source}:{e.LineNumber}:{e.LinePosition}: not valid JSON ({e.Message}).");
        }

        var name = (string?)experiment["name"] ?? throw new NasConfigurationException($"{source}: $.name is missing; an experiment file names its experiment.");
        var here = Path.GetDirectoryName(Path.GetFullPath(source))!;
        var store = Path.GetFullPath(Path.Combine(here, (string?)experiment["store"] ?? $"{name}.db"));
        // As the host's ExperimentFolders.Beside names train-final's default folder.
        var invalid = Path.GetInvalidFileNameChars();
        var safe = string.Concat(name.Select(c => invalid.Contains(c) ? '_' : c));
        var folder = Path.Combine(Path.GetDirectoryName(store)!, $"{safe}-final", $"trial-{trial}");
        if (dataFolder is null && (string?)experiment.SelectToken("evaluator.options.dataFolder") is { } configured)
        {
            dataFolder = Path.Combine(here, configured);
        }

        return (folder, dataFolder);
    }

    private static VisionData LoadData(string? dataFolder)
    {
        var folder = dataFolder is null ? FashionMnist.DefaultFolder : Path.GetFullPath(dataFolder);
        return Directory.Exists(folder)
            ? VisionData.FashionMnistFrom(UncachedComponentCache.Instance, folder)
            : throw new NasConfigurationException(dataFolder is null
                ? $"Fashion-MNIST is not installed ({folder} does not exist): the export needs the training images' normalization; `sudo apt-get install dataset-fashion-mnist`, or --data-folder DIR."
                : $"--data-folder {folder} does not exist; it should hold the four IDX files the model trained on.");
    }
}
