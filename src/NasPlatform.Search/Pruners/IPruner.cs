namespace NasPlatform.Search.Pruners;

/// <summary>
/// Decides whether a running trial should stop early, from the intermediate values (one metric, by
/// step) it and other trials of the experiment reported. Pure: it keeps no state, so a resumed run
/// that reloads the stored values judges exactly as the uninterrupted one would.
/// </summary>
public interface IPruner
{
    /// <summary>The name the experiment file gives it (<c>"pruner": {"name": ...}</c>).</summary>
    string Name { get; }

    /// <summary>Judges <paramref name="trial"/> after it reported its value at <paramref name="step"/>.</summary>
    /// <param name="step">The step just reported.</param>
    /// <param name="trial">The running trial's values so far, by step (including <paramref name="step"/>).</param>
    /// <param name="others">Every other trial of the experiment that reported values, finished or not.</param>
    /// <returns>Why it should stop, or null to let it go on.</returns>
    PruneDecision? Judge(int step, IReadOnlyDictionary<int, double> trial, IReadOnlyList<TrialHistory> others);
}
