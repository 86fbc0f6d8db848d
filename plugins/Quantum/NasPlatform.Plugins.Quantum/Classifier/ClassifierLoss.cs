namespace NasPlatform.Plugins.Quantum.Classifier;

/// <summary>Per-sample training loss of the readout E against the label (class 0 ↔ E = +1, class 1 ↔ E = −1).</summary>
public enum ClassifierLoss
{
    /// <summary>Binary cross-entropy −ln q, with q = (1 + t·E)/2 the probability of the true class.</summary>
    CrossEntropy,

    /// <summary>(E − t)², with t = ±1 the target.</summary>
    SquaredError,
}
