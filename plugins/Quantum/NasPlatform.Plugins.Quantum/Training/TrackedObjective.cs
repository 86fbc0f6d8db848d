namespace NasPlatform.Plugins.Quantum.Training;

/// <summary>
/// Wraps an objective for one optimizer run: counts evaluations and remembers the best point seen
/// (line-search trial points included), so a run always returns its best, not its last, point.
/// A non-finite loss reads as +∞, which every optimizer step rejects.
/// </summary>
internal sealed class TrackedObjective
{
    private readonly IDifferentiableObjective _objective;

    public TrackedObjective(IDifferentiableObjective objective)
    {
        _objective = objective;
        BestParameters = new double[objective.Dimension];
    }

    public int Dimension => _objective.Dimension;

    public int Evaluations { get; private set; }

    public double BestLoss { get; private set; } = double.PositiveInfinity;

    public double[] BestParameters { get; }

    public double Evaluate(ReadOnlySpan<double> parameters, Span<double> gradient)
    {
        var loss = _objective.Evaluate(parameters, gradient);
        Evaluations++;
        if (!double.IsFinite(loss))
        {
            return double.PositiveInfinity;
        }

        if (loss < BestLoss)
        {
            BestLoss = loss;
            parameters.CopyTo(BestParameters);
        }

        return loss;
    }
}
