namespace NasPlatform.Plugins.Quantum.Classifier;

/// <summary>Accuracy and mean loss of a classifier over a set of samples.</summary>
public readonly record struct ClassifierMetrics(double Accuracy, double Loss, int Count);
