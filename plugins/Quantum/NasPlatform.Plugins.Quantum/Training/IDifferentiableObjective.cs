namespace NasPlatform.Plugins.Quantum.Training;

/// <summary>
/// A loss over circuit parameters with its exact gradient (adjoint differentiation), which the
/// optimizers minimize: a VQE energy, or a classifier's training loss.
/// </summary>
public interface IDifferentiableObjective
{
    /// <summary>Number of parameters.</summary>
    int Dimension { get; }

    /// <summary>Returns the loss at <paramref name="parameters"/> and writes its gradient.</summary>
    double Evaluate(ReadOnlySpan<double> parameters, Span<double> gradient);
}
