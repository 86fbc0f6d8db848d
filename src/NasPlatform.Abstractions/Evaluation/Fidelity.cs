namespace NasPlatform.Abstractions.Evaluation;

/// <summary>
/// A named budget level at which an evaluator can measure a candidate (for example
/// "epochs=5, data=25%" or "iterations=200, restarts=2"). Defined by the plugin.
/// </summary>
/// <param name="Name">Identifier used in experiment files and in the store.</param>
/// <param name="Cost">Relative cost; the highest fidelity usually has cost 1.</param>
/// <param name="Settings">The budget knobs this level sets, by name.</param>
public sealed record Fidelity(string Name, double Cost, IReadOnlyDictionary<string, double> Settings)
{
    /// <summary>A fidelity with no settings.</summary>
    public Fidelity(string name, double cost = 1.0)
        : this(name, cost, new Dictionary<string, double>())
    {
    }
}
