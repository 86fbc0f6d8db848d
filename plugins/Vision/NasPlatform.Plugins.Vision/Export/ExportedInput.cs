namespace NasPlatform.Plugins.Vision.Export;

/// <summary>The per-channel normalization of the training split (pixel values 0-255), placed at the start of an exported graph.</summary>
public sealed record ExportedInput(IReadOnlyList<double> Mean, IReadOnlyList<double> Std);
