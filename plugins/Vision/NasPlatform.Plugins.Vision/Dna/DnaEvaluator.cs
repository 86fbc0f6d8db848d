using System.Collections.Concurrent;
using System.Diagnostics;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Plugins.Vision.Data;
using NasPlatform.Plugins.Vision.Evaluation;
using NasPlatform.Plugins.Vision.Networks;
using NasPlatform.Plugins.Vision.Spaces;
using NasPlatform.Plugins.Vision.Training;
using NasPlatform.Torch;
using static TorchSharp.torch;

namespace NasPlatform.Plugins.Vision.Dna;

/// <summary>
/// DNA's rating of a <c>dna-block</c> candidate: the teacher (trained once and cached on
/// disk) gives its activations before and after the candidate's block on a sample of training images; the stage
/// learns to map one to the other (MSE) and is rated by its relative MSE on validation images (metric
/// <c>rating</c>, minimize; 1 = as good as predicting the mean). Blocks differ in how hard they are to imitate, so
/// <c>rating_vs_reference</c> divides the rating by that of the block's reference stage (one MBConv block, expansion 1,
/// kernel 3, ReLU, no SE, at the block's width and stride; rated once per block and fidelity with a seed of its own):
/// below 1 is better than the cheapest stage, and the numbers compare across blocks, which rating-driven strategies
/// (evolution, predictors) need. Fidelities set the images and epochs of that imitation. Final training (<see cref="IFinalTrainer"/>) takes the assembled whole network (<c>nas combine
/// --retrain</c>) and trains it exactly as the <c>train</c> evaluator's final training does.
/// Deterministic for a seed on one LibTorch thread: teacher and ratings draw every random choice from seeds.
/// </summary>
public sealed class DnaEvaluator : IEvaluator, IFinalTrainer, IDisposable
{
    public const string Name = "dna-rating";

    private readonly DnaRatingOptions _options;
    private readonly int _seed;
    private readonly VisionEvaluator _final;
    private readonly Lazy<int[]> _searchOrder;
    private readonly ConcurrentDictionary<(string Teacher, string Folder), Lazy<DnaTeacher>> _teachers = new();
    private readonly ConcurrentDictionary<(string Teacher, string Folder, int Block, int Images), Lazy<BlockRater>> _raters = new();
    private readonly ConcurrentDictionary<(BlockRater Rater, int Epochs), Lazy<double>> _references = new();

    public DnaEvaluator(DnaRatingOptions options, int seed)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _seed = seed;
        _final = new VisionEvaluator(options.Data, seed);
        var fullWork = options.Fidelities.Max(f => f.Images * (double)f.Epochs);
        Fidelities = [.. options.Fidelities.Select(f => f.ToFidelity(fullWork))];
        _searchOrder = new Lazy<int[]>(() =>
        {
            var order = Enumerable.Range(0, SearchTrainCount).ToArray();
            new Random(_seed).Shuffle(order);
            return order;
        });
    }

    public IReadOnlyList<Fidelity> Fidelities { get; }

    /// <summary>What a rating returns, declared ahead so a misspelled objective (<c>ratng</c>) is refused before the teacher
    /// is trained; <c>teacher_seconds</c> is left out only for a cached teacher whose time was never recorded.</summary>
    public IReadOnlyList<string> Metrics =>
        ["rating", "reference_rating", "rating_vs_reference", "initial_rating", "epochs", "images", "teacher_accuracy", "seconds", "teacher_seconds"];

    private VisionData Data => _options.Data.Data();

    private int SearchTrainCount => Data.Train.Count - _options.Data.ValidationSize is var n && n >= 1
        ? n
        : throw new InvalidOperationException($"validationSize {_options.Data.ValidationSize} leaves no training images of the {Data.Train.Count} in {_options.Data.DataDescription}; lower it.");

    /// <summary>The evaluator of an experiment file's options.</summary>
    public static DnaEvaluator Create(DnaRatingEvaluatorOptions ratingOptions, ComponentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = DnaRatingOptions.From(ratingOptions, context);
        TorchRuntime.EnsureAvailable();
        TorchThreads.Require(options.Data.Threads, "the DNA evaluator's option \"threads\"");

        return new DnaEvaluator(options, context.Seed);
    }

    public Task<EvaluationResult> EvaluateAsync(EvaluationRequest request, IProgress<EvaluationProgress> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.Run(() => Evaluate(request, progress, cancellationToken), cancellationToken);
    }

    public Task<EvaluationResult> TrainFinalAsync(EvaluationRequest request, IProgress<EvaluationProgress> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Candidate.ToJson()["architecture"] is null)
        {
            throw new ArgumentException("dna-rating trains whole networks only: a DNA block is not a network on its own. Assemble one stage per block with `nas combine EXP --retrain`.");
        }

        return _final.TrainFinalAsync(request, progress, cancellationToken);
    }

    /// <summary>The teacher a candidate names, loaded from <paramref name="folder"/> or trained there once.</summary>
    public DnaTeacher Teacher(string name, string folder, IProgress<EvaluationProgress>? progress = null, CancellationToken cancellationToken = default) =>
        _teachers.GetOrAdd((name, Path.GetFullPath(folder)), key => new Lazy<DnaTeacher>(() => LoadTeacher(key.Teacher, key.Folder, progress, cancellationToken))).Value;

    public void Dispose()
    {
        foreach (var rater in _raters.Values.Where(r => r.IsValueCreated))
        {
            rater.Value.Dispose();
        }

        foreach (var teacher in _teachers.Values.Where(t => t.IsValueCreated))
        {
            teacher.Value.Dispose();
        }
    }

    private EvaluationResult Evaluate(EvaluationRequest request, IProgress<EvaluationProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var candidate = DnaBlockCandidate.Parse(request.Candidate);
        var fidelity = DnaRatingFidelity.From(request.Fidelity);
        var folder = _options.TeacherFolder ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(request.WorkDirectory).TrimEnd(Path.DirectorySeparatorChar))!, "dna-teachers");
        var blocks = TeacherBlock.Split(TeacherNetwork(candidate.Teacher)).Count;
        if (candidate.Block < 0 || candidate.Block >= blocks)
        {
            throw new ArgumentException($"Block {candidate.Block} does not exist: teacher '{candidate.Teacher}' has blocks 0 to {blocks - 1}.");
        }

        var teacher = Teacher(candidate.Teacher, folder, progress, cancellationToken);

        cancellationToken.ThrowIfCancellationRequested();
        var block = teacher.Blocks[candidate.Block];
        var rater = _raters.GetOrAdd((teacher.Name, Path.GetFullPath(folder), block.Index, fidelity.Images), _ => new Lazy<BlockRater>(() => NewRater(teacher, block, fidelity.Images))).Value;
        progress?.Report(new EvaluationProgress(0.1, $"imitating teacher block {block.Index} ({fidelity.Epochs} epochs)"));
        var rating = rater.Rate(candidate.Stage, fidelity.Epochs, request.Seed);
        var reference = _references.GetOrAdd((rater, fidelity.Epochs), key => new Lazy<double>(() =>
            key.Rater.Rate(ReferenceStage(block), key.Epochs, unchecked(_seed * 1_000_003 + block.Index)).Rating)).Value;
        var metrics = new Dictionary<string, double>
        {
            ["rating"] = rating.Rating,
            ["reference_rating"] = reference,
            ["rating_vs_reference"] = rating.Rating / reference,
            ["initial_rating"] = rating.InitialRating,
            ["epochs"] = fidelity.Epochs,
            ["images"] = Math.Min(fidelity.Images, SearchTrainCount),
            ["teacher_accuracy"] = teacher.ValidationAccuracy,
            ["seconds"] = clock.Elapsed.TotalSeconds,
        };
        if (double.IsFinite(teacher.TrainSeconds))
        {
            metrics["teacher_seconds"] = teacher.TrainSeconds;
        }

        return new EvaluationResult(metrics);
    }

    /// <summary>The cheapest stage that fits <paramref name="block"/>: the yardstick that makes ratings comparable across blocks.</summary>
    public static StageGenes ReferenceStage(TeacherBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        return new StageGenes(1, block.OutChannels, block.Stride, 1, 3, false, Activation.Relu);
    }

    private BlockRater NewRater(DnaTeacher teacher, TeacherBlock block, int images)
    {
        var data = Data;
        var train = _searchOrder.Value.AsSpan(0, Math.Min(images, SearchTrainCount)).ToArray();
        var validation = Enumerable.Range(SearchTrainCount, Math.Min(_options.ValidationImages, _options.Data.ValidationSize)).ToArray();
        // Forward passes of one module from several threads at once are not something to rely on.
        lock (teacher)
        {
            return new BlockRater(teacher.Model, block, data.Train, train, validation);
        }
    }

    private NetworkSpec TeacherNetwork(string name) => new(Data.Train.Channels, Data.Train.Size, Baselines.Layers(name, Data.Classes));

    private DnaTeacher LoadTeacher(string name, string folder, IProgress<EvaluationProgress>? progress, CancellationToken cancellationToken)
    {
        var data = Data;
        var network = TeacherNetwork(name);
        var recipe = _options.TeacherRecipe with { Epochs = _options.TeacherEpochs };
        var indices = _searchOrder.Value.AsSpan(0, Math.Min(_options.TeacherImages, SearchTrainCount)).ToArray();
        var dataKey = $"{_options.Data.DataDescription}|validation {_options.Data.ValidationSize}";
        var file = TeacherCache.PathOf(folder, TeacherCache.Key(network, recipe, indices, _options.TeacherEpochs, _seed, dataKey));
        var clock = Stopwatch.StartNew();
        progress?.Report(new EvaluationProgress(0, File.Exists(file) ? $"loading the cached teacher {file}" : $"training the teacher '{name}' ({_options.TeacherEpochs} epochs on {indices.Length} images) into {file}"));
        var (model, trained) = TeacherCache.LoadOrTrain(folder, network, recipe, data.Train, indices, data.Classes, _options.TeacherEpochs, _seed, dataKey,
            (epoch, total, loss) => progress?.Report(new EvaluationProgress(0, $"teacher epoch {epoch}/{total}", new Dictionary<string, double> { ["teacher_loss"] = loss })),
            cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        var info = trained ? null : DnaTeacher.ReadInfo(file);
        if (info is null)
        {
            var (accuracy, _) = Trainer.Evaluate(model, data.Train, SearchTrainCount, _options.Data.ValidationSize);
            info = (trained ? Math.Round(seconds, 3) : double.NaN, accuracy);
            DnaTeacher.WriteInfo(file, name, _options.TeacherEpochs, indices.Length, info.Value.Seconds, accuracy);
        }

        return new DnaTeacher(name, network, model, file, info.Value.Seconds, info.Value.Accuracy, trained);
    }
}
