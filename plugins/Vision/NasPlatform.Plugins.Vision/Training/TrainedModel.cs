using static TorchSharp.torch;

namespace NasPlatform.Plugins.Vision.Training;

/// <summary>A trained network (owned: dispose it) with what training measured.</summary>
public sealed record TrainedModel(nn.Module<Tensor, Tensor> Model, double TrainLoss, int Steps, double ImagesPerSecond) : IDisposable
{
    public void Dispose() => Model.Dispose();
}
