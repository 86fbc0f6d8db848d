namespace NasPlatform.Plugins.Quantum.Training;

/// <summary>The optimizers a variational task can train with.</summary>
public enum OptimizerKind
{
    /// <summary>Limited-memory BFGS with a strong-Wolfe line search: fast on exact (adjoint) gradients.</summary>
    Lbfgs,

    /// <summary>Adam (Kingma &amp; Ba 2015): robust to noisy losses such as mini-batch classifier losses.</summary>
    Adam,
}
