namespace NasPlatform.Plugins.Quantum.Training;

/// <summary>One optimizer run from a start point; the caller reads the best point from the objective.</summary>
internal interface IOptimizer
{
    /// <summary>Runs at most <paramref name="maxSteps"/> steps from <paramref name="start"/>.</summary>
    /// <param name="objective">Counts evaluations and keeps the best point.</param>
    /// <param name="start">Initial parameters (not modified).</param>
    /// <param name="maxSteps">The step budget.</param>
    /// <param name="onStep">Called after each step with the step number (from 1); returns true to stop early.</param>
    /// <param name="cancellationToken">Checked before each step.</param>
    /// <returns>Steps taken.</returns>
    int Run(TrackedObjective objective, ReadOnlySpan<double> start, int maxSteps, Func<int, bool> onStep, CancellationToken cancellationToken);
}
