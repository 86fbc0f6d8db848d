namespace NasPlatform.Abstractions.Objectives;

/// <summary>A metric to optimize, declared in the experiment file.</summary>
/// <param name="Metric">Name of a metric the evaluator returns.</param>
/// <param name="Direction">Whether to minimize or maximize it.</param>
public sealed record Objective(string Metric, Direction Direction)
{
    /// <summary>The metric's value turned so that larger is always better.</summary>
    public double Utility(double value) => Direction == Direction.Maximize ? value : -value;

    /// <summary>True when <paramref name="a"/> is strictly better than <paramref name="b"/>.</summary>
    public bool IsBetter(double a, double b) => Utility(a) > Utility(b);

    /// <inheritdoc />
    public override string ToString() => $"{Direction.ToString().ToLowerInvariant()} {Metric}";
}
