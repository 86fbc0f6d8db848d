namespace NasPlatform.Plugins.Vision.Training;

public enum OptimizerKind
{
    /// <summary>SGD with Nesterov momentum 0.9; weight decay as L2.</summary>
    Sgd,

    /// <summary>AdamW (decoupled weight decay).</summary>
    AdamW,
}
