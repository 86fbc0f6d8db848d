using NasPlatform.Search.Predictors;
using NasPlatform.Search.Torch;
using NasPlatform.Testing;

namespace NasPlatform.Search.Tests.Predictors;

/// <summary>
/// The MLP ensemble's training under garbage collections forced on another thread: with TorchSharp's implicit
/// Scalars (<c>mul_(Beta1)</c>, <c>/ correction2</c>, <c>a + b</c>) this crashed with LibTorch's "Unknown scalar
/// type" within seconds (the predictor-guided bench's crash); every Scalar is now explicit and held.
/// </summary>
[Collection(ForcedCollectionsCollection.Name)]
public sealed class MlpEnsembleScalarLifetimeTests
{
    [Fact]
    public void Fitting_survives_collections_forced_on_another_thread()
    {
        var (x, y) = SyntheticData.Linear(64, seed: 1);
        var options = new MlpEnsembleOptions { EnsembleSize = 2, HiddenWidth = 16, Epochs = 100, RankingLossWeight = 0.5 };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var fits = 0;
        using (var collections = new ForcedCollections())
        {
            // At least 4 whole fits and 8 s, however loaded the machine is.
            while (fits < 4 || clock.Elapsed < TimeSpan.FromSeconds(8))
            {
                using var mlp = new MlpEnsemble(options);
                mlp.Fit(x, y, seed: fits);
                Assert.All(mlp.Predict(x).Mean, m => Assert.True(double.IsFinite(m)));
                fits++;
            }

            Assert.True(collections.Collections > 100, $"only {collections.Collections} forced collections ran");
        }
    }
}
