namespace NasPlatform.Abstractions.Objectives;

/// <summary>Whether an objective is to be made small or large.</summary>
public enum Direction
{
    /// <summary>Smaller is better (loss, energy, latency).</summary>
    Minimize,

    /// <summary>Larger is better (accuracy, Kendall tau, ROC-AUC).</summary>
    Maximize,
}
