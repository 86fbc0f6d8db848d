namespace NasPlatform.Plugins.Vision.Training;

/// <summary>What a training run measured.</summary>
/// <param name="Accuracy">Top-1 accuracy on the evaluation split.</param>
/// <param name="Loss">Mean cross-entropy on the evaluation split.</param>
/// <param name="TrainLoss">Mean training loss over the last epoch.</param>
/// <param name="Steps">Optimizer steps taken.</param>
/// <param name="ImagesPerSecond">Training throughput (images seen / training seconds).</param>
/// <param name="Seconds">Wall time of training and evaluation.</param>
public sealed record TrainingResult(double Accuracy, double Loss, double TrainLoss, int Steps, double ImagesPerSecond, double Seconds);
