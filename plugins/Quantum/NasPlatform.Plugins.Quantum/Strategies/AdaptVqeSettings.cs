namespace NasPlatform.Plugins.Quantum.Strategies;

/// <summary>When ADAPT-VQE stops, how it picks the next operator, and whether it prunes its accurate circuit.</summary>
/// <param name="GradientThreshold">Stop when the pool gradient norm falls below this (hartree per radian).</param>
/// <param name="ChemicalAccuracy">Stop when energy_error is at most this (hartree); 0 never stops on accuracy.</param>
/// <param name="MaxOperators">Most operators appended.</param>
public sealed record AdaptVqeSettings(double GradientThreshold, double ChemicalAccuracy, int MaxOperators)
{
    /// <summary>How the next operator is picked: <see cref="AdaptSelection.Gradient"/> or <see cref="AdaptSelection.GradientPerCnot"/>.</summary>
    public string Selection { get; init; } = AdaptSelection.Gradient;

    /// <summary>Operators appended after the first circuit within <see cref="ChemicalAccuracy"/> (0: stop there, or prune).</summary>
    public int ExtraOperators { get; init; }

    /// <summary>Whether, once grown, the accurate circuit is pruned (<see cref="AdaptPruning"/>).</summary>
    public bool Prune { get; init; }

    /// <summary>Whether pruning, once no removal is left, grows its best removal outside the band again (a stepping stone).</summary>
    public bool Regrow { get; init; }
}
