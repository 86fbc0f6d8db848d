using System.Diagnostics;
using Newtonsoft.Json;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Plugins.Vision.Data;
using NasPlatform.Plugins.Vision.Spaces;
using NasPlatform.Plugins.Vision.Training;
using NasPlatform.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace NasPlatform.Plugins.Vision.Evaluation;

/// <summary>
/// Trains a candidate's network with its recipe at an EcoNAS fidelity and reports its accuracy on the
/// validation split (the last <c>validationSize</c> training images). <see cref="TrainFinalAsync"/> retrains on
/// every training image at full size and reports the official test accuracy, saving the weights.
/// </summary>
public sealed class VisionEvaluator : IEvaluator, IFinalTrainer
{
    public const string Name = "train";

    /// <summary>The artifact with the evaluation split's <see cref="ConfusionMatrix"/> (validation in a search, test in final training).</summary>
    public const string ConfusionArtifact = "confusion";

    private const string ConfusionFileName = "confusion.json";

    /// <summary>The ONNX form of a final model, beside its TorchSharp weights (model.bin).</summary>
    public const string OnnxFileName = "model.onnx";

    private readonly VisionEvaluatorOptions _options;
    private readonly int _seed;
    private readonly Lazy<int[]> _searchOrder;
    private readonly Device _device;

    public VisionEvaluator(VisionEvaluatorOptions options, int seed)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _seed = seed;
        _device = TorchDevices.Resolve(options.Device);
        Fidelities = [.. options.Fidelities.Select(f => f.ToFidelity())];

        // One fixed subset order per experiment: every candidate at fraction s sees the same images.
        _searchOrder = new Lazy<int[]>(() =>
        {
            var order = Enumerable.Range(0, SearchTrainCount(Data)).ToArray();
            new Random(_seed).Shuffle(order);
            return order;
        });
    }

    public IReadOnlyList<Fidelity> Fidelities { get; }

    /// <summary>What a search evaluation returns, declared ahead so a misspelled objective is refused before any training
    /// (final training's test_* metrics are not search metrics).</summary>
    public IReadOnlyList<string> Metrics =>
        ["accuracy", "val_loss", "train_loss", "epochs", "train_images", "images_per_second", "seconds", .. (_options.Latency ? new[] { "latency_ms" } : [])];

    /// <summary>Validation accuracy, the figure image classification is compared by.</summary>
    public string? HeadlineMetric => "accuracy";

    private VisionData Data => _options.Data();

    /// <summary>The evaluator of an experiment file's options.</summary>
    public static VisionEvaluator Create(TrainEvaluatorOptions trainOptions, ComponentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = VisionEvaluatorOptions.From(trainOptions, context);
        TorchRuntime.EnsureAvailable();
        ConfigureThreads(options.Threads);
        try
        {
            return new VisionEvaluator(options, context.Seed);
        }
        catch (TorchUnavailableException e)
        {
            throw new ComponentConfigurationException("device", e.Message);
        }
    }

    public Task<EvaluationResult> EvaluateAsync(EvaluationRequest request, IProgress<EvaluationProgress> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.Run(() => Evaluate(request, progress, cancellationToken), cancellationToken);
    }

    public Task<EvaluationResult> TrainFinalAsync(EvaluationRequest request, IProgress<EvaluationProgress> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.Run(() => TrainFinal(request, progress, cancellationToken), cancellationToken);
    }

    private EvaluationResult Evaluate(EvaluationRequest request, IProgress<EvaluationProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var candidate = VisionCandidate.Parse(request.Candidate);
        var fidelity = EcoNasFidelity.From(request.Fidelity);
        var data = Data;
        var size = fidelity.ResolutionFor(data.Train.Size);
        var train = data.TrainAt(size);
        var searchCount = SearchTrainCount(data);
        var samples = Math.Max(1, (int)Math.Round(searchCount * fidelity.Samples, MidpointRounding.AwayFromZero));
        var indices = _searchOrder.Value.AsSpan(0, samples).ToArray();
        var full = candidate.Network(data.Train.Channels, data.Train.Size, data.Classes);
        var network = full.Reduced(fidelity.Channels, size);
        var epochs = fidelity.EpochsFor(candidate.Recipe.Epochs);

        // Each epoch but the last is validated for a pruner (EvaluationProgress.Step); the last one's values come
        // from the final validation below, so a trial pays for one extra pass per epoch before it.
        using var trained = Trainer.Fit(network, candidate.Recipe, train, indices, data.Classes, epochs, request.Seed,
            cancellationToken: cancellationToken, device: _device,
            epochEnded: end => progress?.Report(end.Epoch < end.Epochs
                ? Validated(end.Epoch, end.Epochs, Trainer.Evaluate(end.Model, train, searchCount, train.Count - searchCount), end.TrainLoss)
                : new EvaluationProgress(1, $"epoch {end.Epoch}/{end.Epochs}, validating", new Dictionary<string, double> { ["train_loss"] = end.TrainLoss })));
        // A proxy trains for a few dozen steps, after which the batch-norm running averages still describe the first
        // steps' activations; validated with them, a network whose training loss fell may put every image in one
        // class. Re-estimated on the trial's own training images (no validation image), they fit the final weights.
        BatchNormRecalibration.Recalibrate(trained.Model, train, indices);
        var confusion = new ConfusionMatrix(data.ClassNames);
        var (accuracy, loss) = Trainer.Evaluate(trained.Model, train, searchCount, train.Count - searchCount, confusion: confusion);
        RefuseDegenerate(trained, confusion, "validation");
        progress?.Report(Validated(epochs, epochs, (accuracy, loss), trained.TrainLoss));
        Directory.CreateDirectory(request.WorkDirectory);
        var confusionFile = Path.Combine(request.WorkDirectory, ConfusionFileName);
        confusion.Write(confusionFile, "validation", request.Fidelity.Name, data.Train.Channels, data.Train.Size);
        var metrics = new Dictionary<string, double>
        {
            ["accuracy"] = accuracy,
            ["val_loss"] = loss,
            ["train_loss"] = trained.TrainLoss,
            ["epochs"] = epochs,
            ["train_images"] = samples,
            ["images_per_second"] = trained.ImagesPerSecond,
            ["seconds"] = clock.Elapsed.TotalSeconds,
        };
        if (_options.Latency)
        {
            metrics["latency_ms"] = LatencyProbe.MeasureMilliseconds(full);
        }

        return new EvaluationResult(metrics, [new Artifact(ConfusionArtifact, confusionFile)]);
    }

    /// <summary>A stepped report of the search metrics a pruner may watch: accuracy and val_loss after <paramref name="epoch"/>.</summary>
    private static EvaluationProgress Validated(int epoch, int epochs, (double Accuracy, double Loss) validation, double trainLoss) =>
        new(epoch / (double)epochs, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"epoch {epoch}/{epochs}, accuracy {validation.Accuracy:0.####}"),
            new Dictionary<string, double> { ["accuracy"] = validation.Accuracy, ["val_loss"] = validation.Loss, ["train_loss"] = trainLoss })
        {
            Step = epoch,
        };

    private EvaluationResult TrainFinal(EvaluationRequest request, IProgress<EvaluationProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var candidate = VisionCandidate.Parse(request.Candidate);
        var data = Data;
        var network = candidate.Network(data.Train.Channels, data.Train.Size, data.Classes);
        var epochs = candidate.Recipe.Epochs;
        var all = Enumerable.Range(0, data.Train.Count).ToArray();

        // A final training runs for up to hours: it keeps its state after every epoch, so the same command after a
        // kill or Ctrl+C continues from the last finished epoch (and ends as an uninterrupted run would).
        var checkpoint = new TrainingCheckpoint(Path.Combine(request.WorkDirectory, "checkpoint"),
            $"{request.Candidate.ToJson().ToString(Formatting.None)}|seed {request.Seed}|{data.Source}|{data.Train.Count} images");
        if (checkpoint.Load() is { } saved)
        {
            progress?.Report(new EvaluationProgress(saved.Epoch / (double)epochs, $"resuming after epoch {saved.Epoch}/{epochs} from {checkpoint.Folder}", new Dictionary<string, double>()));
        }

        using var trained = Trainer.Fit(network, candidate.Recipe, data.Train, all, data.Classes, epochs, request.Seed,
            (epoch, total, loss) => progress?.Report(new EvaluationProgress(epoch / (double)total, $"epoch {epoch}/{total}", new Dictionary<string, double> { ["train_loss"] = loss })),
            cancellationToken, _device, checkpoint);
        var confusion = new ConfusionMatrix(data.ClassNames);
        var (accuracy, loss) = Trainer.Evaluate(trained.Model, data.Test, confusion: confusion);
        if (DegenerateTraining.Diagnose(confusion, trained.FirstLoss, trained.TrainLoss) is not null
            && BatchNormRecalibration.Recalibrate(trained.Model, data.Train, all))
        {
            // The search's remedy for stale batch-norm statistics, only where they showed: a healthy final model
            // keeps the statistics it trained with (so committed results re-score as they were).
            confusion = new ConfusionMatrix(data.ClassNames);
            (accuracy, loss) = Trainer.Evaluate(trained.Model, data.Test, confusion: confusion);
        }

        RefuseDegenerate(trained, confusion, "test");
        var (parameters, macs) = Networks.NetworkStatistics.Count(network);

        // A recipe that augments trained on mirrored images, i.e. it declares the classes mirror-invariant; only then
        // is averaging over the mirror (test-time augmentation, twice the inference cost) a meaningful second figure.
        var mirrored = candidate.Recipe.Augment > 0 ? Trainer.Evaluate(trained.Model, data.Test, mirror: true) : default((double Accuracy, double Loss)?);

        Directory.CreateDirectory(request.WorkDirectory);
        var weights = Path.Combine(request.WorkDirectory, "model.bin");
        var candidateFile = Path.Combine(request.WorkDirectory, "candidate.json");
        // Saved from the CPU, so the file loads the same on a machine without the GPU it trained on.
        trained.Model.to(CPU).save(weights);
        // The same weights for applications without TorchSharp (ONNX Runtime, ML.NET), normalization included.
        var onnx = Path.Combine(request.WorkDirectory, OnnxFileName);
        Export.OnnxExporter.Write(onnx, network, trained.Model, data.Normalization, data.ClassNames);
        var confusionFile = Path.Combine(request.WorkDirectory, ConfusionFileName);
        confusion.Write(confusionFile, "test", "final", data.Train.Channels, data.Train.Size);
        var described = candidate.ToJson();
        File.WriteAllText(candidateFile, described.ToString(Formatting.Indented));
        checkpoint.Delete();
        var metrics = new Dictionary<string, double>
        {
            ["test_accuracy"] = accuracy,
            ["test_loss"] = loss,
            ["train_loss"] = trained.TrainLoss,
            ["epochs"] = epochs,
            ["train_images"] = all.Length,
            ["test_images"] = data.Test.Count,
            ["params"] = parameters,
            ["macs"] = macs,
            ["images_per_second"] = trained.ImagesPerSecond,
            ["seconds"] = clock.Elapsed.TotalSeconds,
        };
        if (mirrored is { } tta)
        {
            metrics["test_accuracy_mirror_tta"] = tta.Accuracy;
            metrics["test_loss_mirror_tta"] = tta.Loss;
        }

        return new EvaluationResult(metrics, [new Artifact("weights", weights), new Artifact("candidate", candidateFile), new Artifact(ConfusionArtifact, confusionFile), new Artifact("onnx", onnx)]);
    }

    /// <summary>Fails the trial, with the reason, when the training produced no usable classifier (see <see cref="DegenerateTraining"/>).</summary>
    private static void RefuseDegenerate(TrainedModel trained, ConfusionMatrix confusion, string split)
    {
        if (DegenerateTraining.Diagnose(confusion, trained.FirstLoss, trained.TrainLoss) is { } reason)
        {
            throw new DegenerateTrainingException($"Degenerate training, not ranked: {reason} (on the {split} images, after {trained.Steps} steps). "
                + "A lower learning rate or more epochs usually helps.");
        }
    }

    private int SearchTrainCount(VisionData data)
    {
        var count = data.Train.Count - _options.ValidationSize;
        return count >= 1
            ? count
            : throw new InvalidOperationException($"validationSize {_options.ValidationSize} leaves no training images of the {data.Train.Count} in {_options.DataDescription}; lower it.");
    }

    /// <summary>LibTorch's intra-op threads are per process: the host's owner of them applies the option, and refuses a clash.</summary>
    private static void ConfigureThreads(int threads) => TorchThreads.Require(threads, "the vision evaluator's option \"threads\"");
}
