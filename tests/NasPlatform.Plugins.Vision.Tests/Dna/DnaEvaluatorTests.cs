using NasPlatform.Abstractions.Options;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Plugins.Vision.Dna;
using NasPlatform.Plugins.Vision.Networks;
using NasPlatform.Plugins.Vision.Spaces;
using Xunit.Abstractions;

namespace NasPlatform.Plugins.Vision.Tests.Dna;

/// <summary>On real Fashion-MNIST, with a teacher trained for one epoch on 2,048 images in the experiment's artifacts folder.</summary>
public sealed class DnaEvaluatorTests(ITestOutputHelper output) : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("dna-evaluator-");

    public void Dispose() => _work.Delete(recursive: true);

    private DnaEvaluator Create(int seed = 3) => DnaEvaluator.Create(ComponentOptions.Bind<DnaRatingEvaluatorOptions>("""
        { "teacherEpochs": 1, "teacherImages": 2048, "teacherRecipe": { "batchSize": 32, "augment": 0 }, "validationImages": 128, "fidelities": [{ "images": 64, "epochs": 1 }, { "images": 256, "epochs": 3 }] }
        """), new ComponentContext(_work.FullName, _work.FullName, seed) { Cache = TestCache.Shared });

    private EvaluationRequest Request(DnaEvaluator evaluator, int trial, StageGenes stage, int block = 1) =>
        new(new DnaBlockCandidate(Baselines.MobileNetV2, block, stage).ToCandidate(), evaluator.Fidelities[^1], 40 + trial, Directory.CreateDirectory(Path.Combine(_work.FullName, "exp-artifacts", $"trial-{trial}")).FullName);

    [Fact]
    public async Task A_stage_is_rated_by_imitating_its_teacher_block_the_teacher_is_cached_beside_the_trials_and_a_new_process_repeats_the_rating()
    {
        TorchFixture.Ensure();
        var stage = new StageGenes(1, 24, 2, 3, 3, false, Activation.Relu);
        EvaluationResult first;
        using (var evaluator = Create())
        {
            Assert.Equal(["n64-e1", "n256-e3"], evaluator.Fidelities.Select(f => f.Name));
            Assert.Equal(64.0 / 768, evaluator.Fidelities[0].Cost, 12);
            first = await evaluator.EvaluateAsync(Request(evaluator, 0, stage), new Progress<EvaluationProgress>(), CancellationToken.None);
            var other = await evaluator.EvaluateAsync(Request(evaluator, 1, stage with { Kernel = 5 }), new Progress<EvaluationProgress>(), CancellationToken.None);
            Assert.NotEqual(first.Metrics["rating"], other.Metrics["rating"]);
            // Declared ahead (nas validate checks objectives against it), and exactly what a rating returns.
            Assert.Equal(((IEvaluator)evaluator).Metrics.Order(StringComparer.Ordinal), first.Metrics.Keys.Order(StringComparer.Ordinal));
            Assert.Equal(((IEvaluator)evaluator).Metrics.Order(StringComparer.Ordinal), other.Metrics.Keys.Order(StringComparer.Ordinal));

            // One yardstick per block and fidelity: the same reference rating for both stages, and the ratio to it.
            Assert.Equal(first.Metrics["reference_rating"], other.Metrics["reference_rating"]);
            Assert.Equal(first.Metrics["rating"] / first.Metrics["reference_rating"], first.Metrics["rating_vs_reference"], 12);
            var reference = await evaluator.EvaluateAsync(Request(evaluator, 2, DnaEvaluator.ReferenceStage(evaluator.Teacher(Baselines.MobileNetV2, Path.Combine(_work.FullName, "exp-artifacts", "dna-teachers")).Blocks[1])),
                new Progress<EvaluationProgress>(), CancellationToken.None);
            Assert.InRange(reference.Metrics["rating_vs_reference"], 0.5, 2); // the reference stage against itself, trained with another seed
            var block0 = await evaluator.EvaluateAsync(Request(evaluator, 3, stage with { Width = 16, Stride = 1 }, block: 0), new Progress<EvaluationProgress>(), CancellationToken.None);
            Assert.NotEqual(first.Metrics["reference_rating"], block0.Metrics["reference_rating"]);
        }

        var teachers = new DirectoryInfo(Path.Combine(_work.FullName, "exp-artifacts", "dna-teachers"));
        Assert.Single(teachers.GetFiles("teacher-*.bin"));
        Assert.Single(teachers.GetFiles("teacher-*.json"));
        output.WriteLine(string.Join(", ", first.Metrics.Select(m => $"{m.Key} {m.Value:0.####}")));
        Assert.True(first.Metrics["rating"] < 0.8 * first.Metrics["initial_rating"], $"rating {first.Metrics["rating"]} vs untrained {first.Metrics["initial_rating"]}");
        Assert.InRange(first.Metrics["teacher_accuracy"], 0.3, 1);
        Assert.Equal(3, first.Metrics["epochs"]);
        Assert.Equal(256, first.Metrics["images"]);

        // A fresh evaluator (as after a kill and resume) loads the cached teacher and rates the same trial identically.
        using var again = Create();
        var repeated = await again.EvaluateAsync(Request(again, 0, stage), new Progress<EvaluationProgress>(), CancellationToken.None);
        foreach (var name in new[] { "rating", "initial_rating", "teacher_accuracy", "teacher_seconds", "reference_rating", "rating_vs_reference" })
        {
            Assert.Equal(first.Metrics[name], repeated.Metrics[name]);
        }

        Assert.Single(teachers.GetFiles("teacher-*.bin"));
    }

    [Fact]
    public async Task Final_training_refuses_a_single_block_and_a_block_the_teacher_lacks_fails_the_trial()
    {
        TorchFixture.Ensure();
        using var evaluator = Create();
        var block = Request(evaluator, 0, new StageGenes(1, 64, 1, 1, 3, false, Activation.Relu), block: 3);
        var error = await Assert.ThrowsAsync<ArgumentException>(() => evaluator.TrainFinalAsync(block, new Progress<EvaluationProgress>(), CancellationToken.None));
        Assert.Contains("nas combine EXP --retrain", error.Message);

        var missing = Request(evaluator, 1, new StageGenes(1, 64, 1, 1, 3, false, Activation.Relu), block: 7);
        var outOfRange = await Assert.ThrowsAsync<ArgumentException>(() => evaluator.EvaluateAsync(missing, new Progress<EvaluationProgress>(), CancellationToken.None));
        Assert.Contains("teacher 'mobilenetv2-like' has blocks 0 to 3", outOfRange.Message);
    }
}
