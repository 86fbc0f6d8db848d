namespace NasPlatform.Plugins.Quantum.Strategies;

/// <summary>When ADAPT-VQE stops.</summary>
/// <param name="GradientThreshold">Stop when the pool gradient norm falls below this (hartree per radian).</param>
/// <param name="ChemicalAccuracy">Stop when energy_error is at most this (hartree); 0 never stops on accuracy.</param>
/// <param name="MaxOperators">Most operators appended.</param>
public sealed record AdaptVqeSettings(double GradientThreshold, double ChemicalAccuracy, int MaxOperators);
