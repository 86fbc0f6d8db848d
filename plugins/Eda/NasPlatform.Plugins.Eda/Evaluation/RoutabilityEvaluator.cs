using System.Globalization;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Eda.Features;
using NasPlatform.Plugins.Eda.Export;
using NasPlatform.Plugins.Eda.Spaces;
using NasPlatform.Plugins.Eda.Training;
using NasPlatform.Plugins.Eda.Views;
using Newtonsoft.Json.Linq;

namespace NasPlatform.Plugins.Eda.Evaluation;

/// <summary>
/// Trains a routability network on the training designs at the trial's fidelity and scores it on designs it
/// never saw: val_* (the search's objective: validation designs) and test_* (reported only: test designs).
/// Metrics: *_kendall_tau (predicted vs true first-pass failed-net ratio across placements), *_roc_auc
/// (hotspot tiles), *_kendall_tau_within (mean tau within each layers x blockage condition), *_score (tau + AUC),
/// *_score_within (tau within conditions + AUC: the part of the ranking that a condition's layers and blockage do not
/// already give away), *_kendall_tau_placements (mean tau among the placement seeds of one design, density and
/// condition: which of a design's placements routes better), train_loss, train_seconds, train_samples, epochs, params, flops.
/// Artifacts: split.json (designs per split), hotspots.json (three test placements' RUDY, true and predicted hotspot maps; see <see cref="HotspotsFile"/>),
/// and the trained model: model.bin (weights), candidate.json (the network) and scaling.json (the input scaling), which
/// `nas eda export-model` turns into ONNX.
/// </summary>
/// <param name="options">The evaluator's options, with <see cref="RoutabilityEvaluatorOptions.Dataset"/> resolved to the dataset folder.</param>
public sealed class RoutabilityEvaluator(RoutabilityEvaluatorOptions options) : IEvaluator
{
    public const string Name = "routability";

    /// <summary>The trained weights a trial keeps (TorchSharp's format).</summary>
    public const string WeightsFileName = "model.bin";

    /// <summary>The network of those weights (the trial's candidate).</summary>
    public const string CandidateFileName = "candidate.json";

    /// <summary>The ONNX form, written by `nas eda export-model`.</summary>
    public const string OnnxFileName = "model.onnx";

    public RoutabilityEvaluatorOptions Options { get; } = options;

    /// <summary>
    /// Where a dataset, read and scaled once per split, is kept for every trial: the plugin's cache (the host's,
    /// bounded by size; see <see cref="IComponentCache"/>), or nothing outside a host. Samples are read-only.
    /// </summary>
    public IComponentCache Cache { get; init; } = UncachedComponentCache.Instance;

    public IReadOnlyList<Fidelity> Fidelities { get; } = options.BudgetFidelities();

    /// <summary>Declared ahead (what <see cref="Evaluate"/> returns), so a misspelled objective is refused before any training.</summary>
    public IReadOnlyList<string> Metrics { get; } =
    [
        "val_kendall_tau", "val_roc_auc", "val_score", "val_kendall_tau_within", "val_score_within", "val_kendall_tau_placements", "test_kendall_tau",
        "test_kendall_tau_within", "test_kendall_tau_placements", "test_roc_auc", "test_score", "test_score_within", "train_loss", "train_seconds", "train_samples", "epochs", "params", "flops",
    ];

    /// <summary>The held-out designs' Kendall tau of the predicted failed-net ratio: the figure the plugin's README compares models by.</summary>
    public string? HeadlineMetric => "test_kendall_tau";

    /// <summary>The evaluator of an experiment file's options: the dataset resolved against the file's folder and checked to be one.</summary>
    public static RoutabilityEvaluator Create(RoutabilityEvaluatorOptions options, ComponentContext context)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        var path = context.ResolvePath(options.Dataset);
        if (!Directory.Exists(Path.Combine(path, "samples")))
            throw new ComponentConfigurationException("dataset", $"{path} is not a dataset folder (no samples/); build it with 'nas eda dataset {options.Dataset}'.");
        // Named designs are checked before any training: a misnamed or all-failed design is a configuration error (exit 2), not a failed trial.
        if (RoutabilityData.CheckNamedDesigns(path, options.ValidationDesigns, options.TestDesigns) is { } problem)
            throw new ComponentConfigurationException(problem.Option, problem.Message);
        return new RoutabilityEvaluator(options with { Dataset = path }) { Cache = context.Cache };
    }

    /// <summary>The dataset and its split, from <see cref="Cache"/> while the dataset's files are unchanged.</summary>
    public RoutabilityData Data()
    {
        var key = string.Join('|', Options.Dataset, Stamp(Options.Dataset), string.Join(',', Options.ValidationDesigns), string.Join(',', Options.TestDesigns), Options.HeldOutDesigns, Options.SplitSeed);
        return Cache.GetOrAdd(key, () => RoutabilityData.Load(Options.Dataset, Options.ValidationDesigns, Options.TestDesigns, Options.HeldOutDesigns, Options.SplitSeed),
            data => data.Train.Concat(data.Validation).Concat(data.Test).Sum(s => (long)(s.Features.Length + s.Hotspot.Length) * sizeof(float)));
    }

    /// <summary>The dataset's files (count, total length, latest write), so a rebuilt or extended dataset is read afresh.</summary>
    private static string Stamp(string root)
    {
        var files = new DirectoryInfo(root).EnumerateFiles("*", SearchOption.AllDirectories).ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"{files.Count} files, {files.Sum(f => f.Length)} bytes, {(files.Count == 0 ? 0 : files.Max(f => f.LastWriteTimeUtc.Ticks))}");
    }

    public Task<EvaluationResult> EvaluateAsync(EvaluationRequest request, IProgress<EvaluationProgress> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(Evaluate(request, progress, cancellationToken));
    }

    public EvaluationResult Evaluate(EvaluationRequest request, IProgress<EvaluationProgress>? progress, CancellationToken cancellationToken)
    {
        var net = RoutabilityNet.From(request.Candidate);
        var data = Data();
        var epochScale = request.Fidelity.Settings.TryGetValue("epochScale", out var e) ? e : 1.0;
        var fraction = request.Fidelity.Settings.TryGetValue("dataFraction", out var f) ? f : 1.0;
        var relay = progress is null ? null : new Progress(progress);
        Directory.CreateDirectory(request.WorkDirectory);
        var weights = Path.Combine(request.WorkDirectory, WeightsFileName);
        var result = RoutabilityTrainer.TrainAndScore(net, data, epochScale, fraction, request.Seed, relay, cancellationToken, weights, Options.Flips);
        var (parameters, flops) = NetworkCost.Of(net, data.Channels, data.Grid);
        var metrics = new Dictionary<string, double>
        {
            ["val_kendall_tau"] = result.Validation.KendallTau,
            ["val_roc_auc"] = result.Validation.RocAuc,
            ["val_score"] = result.Validation.KendallTau + result.Validation.RocAuc,
            ["val_kendall_tau_within"] = result.Validation.KendallTauWithin,
            ["val_score_within"] = result.Validation.KendallTauWithin + result.Validation.RocAuc,
            ["val_kendall_tau_placements"] = result.Validation.KendallTauPlacements,
            ["test_kendall_tau"] = result.Test.KendallTau,
            ["test_kendall_tau_within"] = result.Test.KendallTauWithin,
            ["test_kendall_tau_placements"] = result.Test.KendallTauPlacements,
            ["test_roc_auc"] = result.Test.RocAuc,
            ["test_score"] = result.Test.KendallTau + result.Test.RocAuc,
            ["test_score_within"] = result.Test.KendallTauWithin + result.Test.RocAuc,
            ["train_loss"] = result.FinalLoss,
            ["train_seconds"] = result.Seconds,
            ["train_samples"] = result.TrainSamples,
            ["epochs"] = result.Epochs,
            ["params"] = parameters,
            ["flops"] = flops,
        };
        var path = Path.Combine(request.WorkDirectory, "split.json");
        File.WriteAllText(path, new JObject
        {
            ["train"] = new JArray(RoutabilityData.Designs(data.Train)),
            ["validation"] = new JArray(RoutabilityData.Designs(data.Validation)),
            ["test"] = new JArray(RoutabilityData.Designs(data.Test)),
            ["samples"] = new JObject { ["train"] = data.Train.Count, ["validation"] = data.Validation.Count, ["test"] = data.Test.Count, ["failedInDataset"] = data.FailedSamples },
        }.ToString());
        var hotspots = Path.Combine(request.WorkDirectory, HotspotsFile.FileName);
        HotspotsFile.Write(hotspots, data.Grid, FeatureChannels.Rudy, result.TestExamples);
        var candidate = Path.Combine(request.WorkDirectory, CandidateFileName);
        File.WriteAllText(candidate, request.Candidate.Json);
        var scaling = Path.Combine(request.WorkDirectory, FeatureScaling.FileName);
        data.Scaling.Write(scaling);
        return new EvaluationResult(metrics,
        [
            new Artifact("split", path), new Artifact(HotspotsFile.ArtifactName, hotspots),
            new Artifact("weights", weights), new Artifact("candidate", candidate), new Artifact("scaling", scaling),
        ]);
    }

    /// <summary>Each epoch's validation scores, under the names of the final metrics and with the epoch as the step, for a pruner.</summary>
    private sealed class Progress(IProgress<EvaluationProgress> target) : IProgress<EpochReport>
    {
        public void Report(EpochReport value) =>
            target.Report(new EvaluationProgress(
                (double)value.Epoch / value.Epochs,
                string.Create(CultureInfo.InvariantCulture, $"epoch {value.Epoch}/{value.Epochs}, loss {value.Loss:G5}, val_score {value.Validation.KendallTau + value.Validation.RocAuc:G4}"),
                new Dictionary<string, double>
                {
                    ["train_loss"] = value.Loss,
                    ["val_kendall_tau"] = value.Validation.KendallTau,
                    ["val_roc_auc"] = value.Validation.RocAuc,
                    ["val_score"] = value.Validation.KendallTau + value.Validation.RocAuc,
                    ["val_kendall_tau_within"] = value.Validation.KendallTauWithin,
                    ["val_score_within"] = value.Validation.KendallTauWithin + value.Validation.RocAuc,
                })
            {
                Step = value.Epoch,
            });
    }
}
