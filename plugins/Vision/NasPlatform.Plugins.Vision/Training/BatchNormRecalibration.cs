using NasPlatform.Plugins.Vision.Data;
using static TorchSharp.torch;
using BatchNorm2d = NasPlatform.Torch.Modules.BatchNorm2d;

namespace NasPlatform.Plugins.Vision.Training;

/// <summary>
/// Re-estimates a trained network's batch-norm running statistics as the plain average over training batches
/// (the "precise BN" of Wu and Johnson 2021), with every weight kept. After a short training (a proxy of a few
/// dozen steps) the running statistics, an exponential average with momentum 0.1 that starts at mean 0 and
/// variance 1, still describe the first steps' activations rather than the final weights', so evaluation mode
/// can put every image into one class while the training loss falls. The batches are the training images in
/// order, unaugmented: no random number is drawn, so the result is the same for a seed.
/// </summary>
public static class BatchNormRecalibration
{
    /// <summary>Images used at most: 20 batches of 100 settle the average to well under a percent.</summary>
    public const int DefaultImages = 2_000;

    /// <summary>
    /// Recomputes every <see cref="BatchNorm2d"/>'s running mean and variance from images <paramref name="indices"/> of
    /// <paramref name="train"/> (at most <paramref name="images"/> of them, in batches of <paramref name="batchSize"/>).
    /// Returns false, changing nothing, when the network has no batch normalization. Leaves the model in evaluation mode.
    /// </summary>
    public static bool Recalibrate(nn.Module<Tensor, Tensor> model, ImageSet train, IReadOnlyList<int> indices, int batchSize = 100, int images = DefaultImages)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(indices);
        var norms = model.modules().OfType<BatchNorm2d>().ToList();
        if (norms.Count == 0 || indices.Count == 0)
        {
            return false;
        }

        var device = model.parameters().FirstOrDefault()?.device ?? CPU;
        var momenta = norms.Select(n => n.Momentum).ToList();
        // Only the batch norms train: dropout stays off (and draws nothing), and no weight has a gradient.
        model.eval();
        foreach (var norm in norms)
        {
            norm.ResetRunningStats();
            norm.Momentum = null;
            norm.train();
        }

        try
        {
            using var noGrad = no_grad();
            var count = Math.Min(images, indices.Count);
            var buffer = new float[Math.Min(batchSize, count) * train.ValuesPerImage];
            for (var start = 0; start < count; start += batchSize)
            {
                var n = Math.Min(batchSize, count - start);
                for (var i = 0; i < n; i++)
                {
                    train.Image(indices[start + i]).CopyTo(buffer.AsSpan(i * train.ValuesPerImage, train.ValuesPerImage));
                }

                using var scope = NewDisposeScope();
                var x = tensor(buffer.AsSpan(0, n * train.ValuesPerImage).ToArray(), [n, train.Channels, train.Size, train.Size]).to(device);
                model.forward(x);
            }
        }
        finally
        {
            for (var i = 0; i < norms.Count; i++)
            {
                norms[i].Momentum = momenta[i];
                norms[i].eval();
            }
        }

        return true;
    }
}
