using System.Diagnostics;
using NasPlatform.Datasets;
using NasPlatform.Plugins.Vision.Data;
using NasPlatform.Plugins.Vision.Networks;
using NasPlatform.Plugins.Vision.Training;
using Xunit.Abstractions;

namespace NasPlatform.Plugins.Vision.Tests.Training;

/// <summary>On real Fashion-MNIST (apt-get install dataset-fashion-mnist).</summary>
public sealed class TrainerTests(ITestOutputHelper output)
{
    private static readonly TrainingRecipe Recipe = TrainingRecipe.Default with { Epochs = 1, BatchSize = 64, Augment = 0, LabelSmoothing = 0 };

    private static VisionData Data()
    {
        TorchFixture.Ensure();
        return VisionData.FashionMnistFrom(TestCache.Shared, FashionMnist.DefaultFolder);
    }

    private static NetworkSpec TwoConv => new(1, 28, Baselines.Layers(Baselines.TwoConv, 10));

    [Fact]
    public void One_epoch_on_2000_images_is_clearly_above_chance_and_repeats_exactly_for_a_seed()
    {
        var data = Data();
        var indices = Enumerable.Range(0, 2000).ToArray();
        var clock = Stopwatch.StartNew();
        (double Accuracy, double Loss) Run()
        {
            using var trained = Trainer.Fit(TwoConv, Recipe, data.Train, indices, 10, epochs: 1, seed: 11);
            return Trainer.Evaluate(trained.Model, data.Train, 50_000, 2_000);
        }

        var first = Run();
        var second = Run();
        output.WriteLine($"accuracy {first.Accuracy:0.000}, loss {first.Loss:0.000}; two runs in {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(first.Accuracy > 0.6, $"accuracy {first.Accuracy} after one epoch on 2,000 images (chance 0.1)");
        Assert.Equal(first, second);
    }

    [Fact]
    public void A_network_of_fused_mbconv_blocks_learns_clearly_above_chance_in_one_epoch()
    {
        var data = Data();
        var fused = new NetworkSpec(1, 28,
        [
            new ConvLayer(16, 3),
            new FusedMbConvLayer(24, 2, 3, 2, false, Activation.Relu),
            new FusedMbConvLayer(24, 1, 3, 1, true, Activation.HardSwish),
            new FusedMbConvLayer(48, 3, 5, 2, false, Activation.HardSwish),
            new GlobalPoolLayer(),
            new LinearLayer(10, Classifier: true),
        ]);
        using var trained = Trainer.Fit(fused, Recipe, data.Train, Enumerable.Range(0, 2000).ToArray(), 10, epochs: 1, seed: 11);
        var (accuracy, _) = Trainer.Evaluate(trained.Model, data.Train, 50_000, 2_000);
        Assert.True(accuracy > 0.4, $"accuracy {accuracy} after one epoch on 2,000 images (chance 0.1)");
    }

    [Fact]
    public void A_different_seed_trains_a_different_model()
    {
        var data = Data();
        var indices = Enumerable.Range(0, 500).ToArray();
        double Run(int seed)
        {
            using var trained = Trainer.Fit(TwoConv, Recipe, data.Train, indices, 10, 1, seed);
            return Trainer.Evaluate(trained.Model, data.Train, 50_000, 500).Loss;
        }

        Assert.NotEqual(Run(1), Run(2));
    }

    [Fact]
    public void Mirror_averaged_evaluation_is_blind_to_mirroring_the_test_images_and_differs_from_one_view()
    {
        var data = Data();
        using var trained = Trainer.Fit(TwoConv, Recipe, data.Train, Enumerable.Range(0, 500).ToArray(), 10, 1, seed: 5);
        var images = data.Train.Subset(Enumerable.Range(50_000, 1_000).ToArray());
        var mirrored = new float[images.Pixels.Length];
        for (var image = 0; image < images.Count; image++)
        {
            for (var row = 0; row < 28; row++)
            {
                for (var column = 0; column < 28; column++)
                {
                    mirrored[(image * 28 * 28) + (row * 28) + column] = images.Pixels[(image * 28 * 28) + (row * 28) + 27 - column];
                }
            }
        }

        var flipped = new ImageSet(mirrored, images.Labels, 1, 28);
        var one = Trainer.Evaluate(trained.Model, images);
        var oneFlipped = Trainer.Evaluate(trained.Model, flipped);
        var both = Trainer.Evaluate(trained.Model, images, mirror: true);
        var bothFlipped = Trainer.Evaluate(trained.Model, flipped, mirror: true);
        output.WriteLine($"one view {one}, its mirror {oneFlipped}; averaged {both}, on the mirrored images {bothFlipped}");

        Assert.Equal(both.Accuracy, bothFlipped.Accuracy);
        Assert.Equal(both.Loss, bothFlipped.Loss, 4);
        Assert.NotEqual(one.Loss, oneFlipped.Loss);
        Assert.NotEqual(one.Loss, both.Loss);
        Assert.True(both.Accuracy > 0.5, $"mirror-averaged accuracy {both.Accuracy}");
    }

    [Fact]
    public void The_full_recipe_runs_mixup_ema_smoothing_augmentation_dropout_and_adamw()
    {
        var data = Data();
        var recipe = new TrainingRecipe(OptimizerKind.AdamW, 0.004, 0.01, 1, 32, 0.1, 0.2, 0.2, 0.99, 1.0);
        var network = new NetworkSpec(1, 28, [new ConvLayer(8, 3, Stride: 2), new MbConvLayer(16, 3, 5, 2, true, Activation.HardSwish), new GlobalPoolLayer(), new DropoutLayer(), new LinearLayer(10, Classifier: true)]);
        using var trained = Trainer.Fit(network, recipe, data.Train, Enumerable.Range(0, 1000).ToArray(), 10, 3, seed: 3);
        var (accuracy, _) = Trainer.Evaluate(trained.Model, data.Train, 50_000, 1000);
        output.WriteLine($"accuracy {accuracy:0.000}");
        Assert.True(accuracy > 0.3, $"accuracy {accuracy}");
    }

    [Fact]
    public void A_stopped_training_resumes_from_its_checkpoint_and_ends_exactly_as_an_uninterrupted_run()
    {
        var data = Data();
        var indices = Enumerable.Range(0, 256).ToArray();
        // Every random draw the trainer makes: shuffles, shifts and flips, erasing, mixup, dropout masks; and EMA.
        var recipe = new TrainingRecipe(OptimizerKind.Sgd, 0.05, 1e-4, 3, 32, 0.1, 0.2, 0.2, 0.99, 1.0, Erase: 0.5);
        var network = new NetworkSpec(1, 28, [new ConvLayer(8, 3, Stride: 2), new MbConvLayer(16, 2, 3, 2, true, Activation.HardSwish), new GlobalPoolLayer(), new DropoutLayer(), new LinearLayer(10, Classifier: true)]);
        var folder = Directory.CreateTempSubdirectory("checkpoint-");
        try
        {
            float[] Weights(TrainedModel trained) => [.. trained.Model.parameters().SelectMany(p => p.data<float>().ToArray())];

            using var straight = Trainer.Fit(network, recipe, data.Train, indices, 10, 3, seed: 5);
            var checkpoint = new TrainingCheckpoint(Path.Combine(folder.FullName, "checkpoint"), "key");
            using (var cancel = new CancellationTokenSource())
            {
                Assert.Throws<OperationCanceledException>(() => Trainer.Fit(network, recipe, data.Train, indices, 10, 3, seed: 5,
                    onEpoch: (epoch, _, _) => { if (epoch == 1) cancel.Cancel(); }, cancellationToken: cancel.Token, checkpoint: checkpoint));
            }

            Assert.Equal(1, checkpoint.Load()!.Epoch);
            var reported = new List<int>();
            using var resumed = Trainer.Fit(network, recipe, data.Train, indices, 10, 3, seed: 5, onEpoch: (epoch, _, _) => reported.Add(epoch), checkpoint: checkpoint);
            Assert.Equal([2, 3], reported);
            Assert.Equal(straight.TrainLoss, resumed.TrainLoss);
            Assert.Equal(Weights(straight), Weights(resumed));

            // A checkpoint made for another key (another candidate or seed) is not resumed from.
            var other = new TrainingCheckpoint(checkpoint.Folder, "another key");
            Assert.Null(other.Load());
            reported.Clear();
            using var fresh = Trainer.Fit(network, recipe with { Epochs = 1 }, data.Train, indices, 10, 1, seed: 6, onEpoch: (epoch, _, _) => reported.Add(epoch), checkpoint: other);
            Assert.Equal([1], reported);
            other.Delete();
            Assert.False(Directory.Exists(checkpoint.Folder));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Live_tensors_and_memory_stay_flat_over_thousands_of_steps()
    {
        var data = Data();
        var small = data.TrainAt(14);
        var network = new NetworkSpec(1, 14, [new ConvLayer(8, 3), new MbConvLayer(8, 2, 3, 2, true, Activation.Relu), new GlobalPoolLayer(), new DropoutLayer(), new LinearLayer(10, Classifier: true)]);
        var recipe = Recipe with { BatchSize = 8, Ema = 0.99, Mixup = 0.2, Augment = 0.5 };
        var tensors = new List<long>();
        var resident = new List<long>();
        using var trained = Trainer.Fit(network, recipe, small, Enumerable.Range(0, 80).ToArray(), 10, epochs: 300, seed: 1, onEpoch: (epoch, _, _) =>
        {
            if (epoch % 50 == 0)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                tensors.Add(TorchSharp.torch.Tensor.TotalCount);
                resident.Add(Process.GetCurrentProcess().WorkingSet64);
            }
        });
        output.WriteLine($"3,000 steps; live tensors {string.Join(", ", tensors)}; RSS MB {string.Join(", ", resident.Select(r => r / 1_000_000))}");
        Assert.All(tensors, t => Assert.Equal(tensors[0], t));
        Assert.True(resident[^1] - resident[0] < 40_000_000, $"RSS grew by {(resident[^1] - resident[0]) / 1e6:0.0} MB");
    }
}
