namespace NasPlatform.Plugins.Eda.Training;

/// <summary>The end of one training epoch of <see cref="RoutabilityTrainer.TrainAndScore"/>.</summary>
/// <param name="Epoch">The epoch just finished, from 1.</param>
/// <param name="Epochs">All epochs of the run.</param>
/// <param name="Loss">The epoch's mean training loss.</param>
/// <param name="Validation">The model's scores on the validation designs after this epoch.</param>
public sealed record EpochReport(int Epoch, int Epochs, double Loss, RoutabilityScores Validation);
