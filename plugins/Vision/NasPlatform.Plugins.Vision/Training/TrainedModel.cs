using static TorchSharp.torch;

namespace NasPlatform.Plugins.Vision.Training;

/// <summary>A trained network (owned: dispose it) with what training measured.</summary>
public sealed record TrainedModel(nn.Module<Tensor, Tensor> Model, double TrainLoss, int Steps, double ImagesPerSecond) : IDisposable
{
    /// <summary>The loss of the first training step this run took (NaN when it resumed from a checkpoint): the start a healthy training ends below.</summary>
    public double FirstLoss { get; init; } = double.NaN;

    public void Dispose() => Model.Dispose();
}
