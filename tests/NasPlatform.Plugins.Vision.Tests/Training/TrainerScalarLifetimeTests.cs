using NasPlatform.Plugins.Vision.Data;
using NasPlatform.Plugins.Vision.Networks;
using NasPlatform.Plugins.Vision.Training;
using NasPlatform.Testing;

namespace NasPlatform.Plugins.Vision.Tests.Training;

/// <summary>
/// Training steps under garbage collections forced on another thread: every Scalar a step uses (optimizer,
/// residual sums, dropout, EMA, mirror evaluation) must stay alive across its native call. TorchSharp's own
/// SGD/AdamW and <c>a + b</c> let a collection finalize one mid-call (dotnet/TorchSharp PR 1496).
/// </summary>
[Collection(ForcedCollectionsCollection.Name)]
public sealed class TrainerScalarLifetimeTests
{
    // Tiny images and batches: the steps are dominated by the small calls that take Scalars, not by convolutions.
    private static readonly NetworkSpec Network = new(1, 6,
    [
        new ConvLayer(4, 3),
        new MbConvLayer(4, 2, 3, 1, true, Activation.HardSwish),
        new FusedMbConvLayer(4, 1, 3, 1, false, Activation.Relu),
        new GlobalPoolLayer(),
        new DropoutLayer(),
        new LinearLayer(10, Classifier: true),
    ]);

    [Theory]
    [InlineData(OptimizerKind.Sgd)]
    [InlineData(OptimizerKind.AdamW)]
    public void Training_steps_survive_collections_forced_on_another_thread(OptimizerKind optimizer)
    {
        TorchFixture.Ensure();
        var random = new Random(1);
        var images = new ImageSet([.. Enumerable.Range(0, 64 * 36).Select(_ => (float)random.NextDouble())], [.. Enumerable.Range(0, 64).Select(i => (byte)(i % 10))], 1, 6);
        var recipe = TrainingRecipe.Default with { Optimizer = optimizer, Epochs = 1, BatchSize = 2, Dropout = 0.2, Ema = 0.9, Mixup = 0.2, Augment = 0 };
        var indices = Enumerable.Range(0, 48).ToArray();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var trainings = 0;
        using (var collections = new ForcedCollections())
        {
            // At least 3 whole trainings and 8 s, however loaded the machine is.
            while (trainings < 3 || clock.Elapsed < TimeSpan.FromSeconds(8))
            {
                using var trained = Trainer.Fit(Network, recipe, images, indices, 10, epochs: 4, seed: trainings);
                var (accuracy, loss) = Trainer.Evaluate(trained.Model, images, 48, 16, batchSize: 2, mirror: true);
                Assert.True(double.IsFinite(loss) && accuracy >= 0, $"loss {loss}");
                trainings++;
            }

            Assert.True(collections.Collections > 50, $"only {collections.Collections} forced collections ran");
        }
    }
}
