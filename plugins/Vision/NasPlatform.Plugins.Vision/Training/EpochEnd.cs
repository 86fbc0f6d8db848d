using TorchSharp;
using static TorchSharp.torch;

namespace NasPlatform.Plugins.Vision.Training;

/// <summary>The end of one training epoch, as <see cref="Trainer.Fit"/> reports it to a caller that validates as it goes.</summary>
/// <param name="Epoch">The epoch just finished, from 1.</param>
/// <param name="Epochs">All epochs of the run.</param>
/// <param name="TrainLoss">The epoch's mean training loss.</param>
/// <param name="Model">The model <see cref="Trainer.Fit"/> would return now (the EMA copy when the recipe has one); borrowed: valid only during the call.</param>
public sealed record EpochEnd(int Epoch, int Epochs, double TrainLoss, nn.Module<Tensor, Tensor> Model);
