using NasPlatform.Plugins.Eda.Spaces;
using NasPlatform.Plugins.Eda.Training;
using NasPlatform.Testing;

namespace NasPlatform.Plugins.Eda.Tests.Training;

/// <summary>
/// Routability trainings under garbage collections forced on another thread: the weighted two-part loss, the
/// skip sums and AdamW's step used implicit TorchSharp Scalars that a collection could finalize mid-call (the
/// EDA bench's "alpha must not be a floating point number" crash); every Scalar is now explicit and held.
/// </summary>
[Collection(ForcedCollectionsCollection.Name)]
public sealed class RoutabilityTrainerScalarLifetimeTests : IDisposable
{
    private readonly string _root = SyntheticDataset.Write(Path.Combine(Path.GetTempPath(), "nas-eda-gc-" + Guid.NewGuid().ToString("N")));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Trainings_survive_collections_forced_on_another_thread()
    {
        NasPlatform.Torch.TorchThreads.UseHostDefault();
        var data = RoutabilityData.Load(_root, [], [], 1, 0);
        var net = new RoutabilityNet(
            [new EncoderStage(4, 3, 1, 1, "max", "add"), new EncoderStage(8, 3, 1, 1, "avg", "concat")],
            "nearest",
            3,
            new TrainingRecipe(5e-3, 1e-4, 12, 2, 0.7));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var trainings = 0;
        using (var collections = new ForcedCollections())
        {
            // At least 3 whole trainings and 8 s, however loaded the machine is.
            while (trainings < 3 || clock.Elapsed < TimeSpan.FromSeconds(8))
            {
                var result = RoutabilityTrainer.TrainAndScore(net, data, 1, 1, trainings, null, CancellationToken.None);
                Assert.True(result.Test.Samples > 0, "no test samples were scored");
                trainings++;
            }

            Assert.True(collections.Collections > 50, $"only {collections.Collections} forced collections ran");
        }
    }
}
