using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Datasets;
using NasPlatform.Plugins.Vision.Data;
using NasPlatform.Plugins.Vision.Evaluation;
using NasPlatform.Plugins.Vision.Networks;
using NasPlatform.Plugins.Vision.Spaces;
using NasPlatform.Plugins.Vision.Training;
using Xunit.Abstractions;

namespace NasPlatform.Plugins.Vision.Tests.Training;

/// <summary>
/// The collapse seen in a quick search (accuracy 0.097, training loss 1.75, every validation image predicted as one
/// class after 19 steps) reproduced on real Fashion-MNIST, its cause (stale batch-norm running statistics) and remedy,
/// and the rules that fail a degenerate training.
/// </summary>
public sealed class DegenerateTrainingTests(ITestOutputHelper output)
{
    // quick.json's proxy: 14x14 inputs, 2,500 images, batch 128 (19 steps), SGD at the space's highest rate.
    private static readonly TrainingRecipe Sgd = new(OptimizerKind.Sgd, 0.2, 1e-4, 4, 128, 0.1, 0.1, 0, 0.999, 0.5);

    private static readonly StageGenes[] Stages =
    [
        new(1, 16, 1, 4, 3, false, Activation.HardSwish),
        new(1, 32, 2, 4, 3, true, Activation.HardSwish),
        new(1, 64, 2, 6, 5, false, Activation.HardSwish),
    ];

    private static readonly VisionCandidate Candidate = new(null, 16, Stages, 128, Sgd);

    private static VisionData Data()
    {
        TorchFixture.Ensure();
        return VisionData.FashionMnistFrom(TestCache.Shared, FashionMnist.DefaultFolder);
    }

    [Fact]
    public void After_19_steps_the_running_statistics_put_every_image_in_one_class_and_recalibrating_them_restores_the_classifier()
    {
        var data = Data();
        var train = data.TrainAt(14);
        var indices = Enumerable.Range(0, 2500).ToArray();
        using var trained = Trainer.Fit(Candidate.Network(1, 14, 10), Sgd, train, indices, 10, epochs: 1, seed: 0);
        var stale = new ConfusionMatrix(data.ClassNames);
        var before = Trainer.Evaluate(trained.Model, train, 50_000, 2_000, confusion: stale);
        Assert.True(BatchNormRecalibration.Recalibrate(trained.Model, train, indices));
        var fresh = new ConfusionMatrix(data.ClassNames);
        var after = Trainer.Evaluate(trained.Model, train, 50_000, 2_000, confusion: fresh);
        output.WriteLine($"training loss {trained.FirstLoss:0.00} -> {trained.TrainLoss:0.00}; accuracy {before.Accuracy:0.000} stale, {after.Accuracy:0.000} recalibrated");

        Assert.True(trained.TrainLoss < trained.FirstLoss, "the training itself learned");
        var reason = DegenerateTraining.Diagnose(stale, trained.FirstLoss, trained.TrainLoss);
        Assert.NotNull(reason);
        Assert.Contains("collapsed onto one class", reason, StringComparison.Ordinal);
        Assert.True(before.Accuracy < 0.15, $"stale accuracy {before.Accuracy}");
        Assert.True(after.Accuracy > 0.4, $"recalibrated accuracy {after.Accuracy}");
        Assert.Null(DegenerateTraining.Diagnose(fresh, trained.FirstLoss, trained.TrainLoss));
    }

    [Fact]
    public async Task A_search_trial_of_that_candidate_is_validated_with_recalibrated_statistics()
    {
        var data = Data();
        var options = new VisionEvaluatorOptions(() => data, "fashion-mnist", 10_000, [new EcoNasFidelity(1, 0.5, 0.05, 0.25)], 1, false, "cpu");
        var evaluator = new VisionEvaluator(options, seed: 0);
        var work = Directory.CreateTempSubdirectory("degenerate-");
        try
        {
            var result = await evaluator.EvaluateAsync(new EvaluationRequest(Candidate.ToCandidate(), evaluator.Fidelities[0], 0, work.FullName),
                new Progress<EvaluationProgress>(), CancellationToken.None);
            output.WriteLine($"accuracy {result.Metrics["accuracy"]:0.000} after {result.Metrics["epochs"]} epoch");
            Assert.True(result.Metrics["accuracy"] > 0.4, $"accuracy {result.Metrics["accuracy"]} (chance 0.1)");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_split_predicted_as_one_class_is_a_collapse_unless_that_class_holds_most_of_it()
    {
        var collapsed = Confusion((0, 6, 50), (1, 6, 45), (6, 6, 5));
        Assert.Contains("'Shirt'", DegenerateTraining.Diagnose(collapsed, 2.3, 1.7), StringComparison.Ordinal);
        var mostlyShirts = Confusion((0, 6, 5), (6, 6, 95));
        Assert.Null(DegenerateTraining.Diagnose(mostlyShirts, 2.3, 1.7));
        var spread = Confusion((0, 0, 40), (1, 1, 40), (6, 6, 20));
        Assert.Null(DegenerateTraining.Diagnose(spread, 2.3, 1.7));
    }

    [Fact]
    public void A_loss_that_ended_above_its_start_or_is_not_finite_is_degenerate()
    {
        var spread = Confusion((0, 0, 50), (1, 1, 50));
        Assert.Contains("rose from 2.3", DegenerateTraining.Diagnose(spread, 2.3, 2.5), StringComparison.Ordinal);
        Assert.Contains("NaN", DegenerateTraining.Diagnose(spread, 2.3, double.NaN), StringComparison.Ordinal);
        // Resumed from a checkpoint: the first step was not seen, so only the other rules apply.
        Assert.Null(DegenerateTraining.Diagnose(spread, double.NaN, 2.5));
    }

    private static ConfusionMatrix Confusion(params (int Actual, int Predicted, int Count)[] cells)
    {
        var matrix = new ConfusionMatrix(FashionMnist.ClassNames);
        foreach (var (actual, predicted, count) in cells)
        {
            for (var i = 0; i < count; i++)
            {
                matrix.Add(actual, predicted);
            }
        }

        return matrix;
    }
}
