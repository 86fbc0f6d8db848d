namespace NasPlatform.Plugins.Quantum.Training;

/// <summary>
/// Early stopping: a run has plateaued when its best loss improved by less than
/// tolerance·max(|loss|, 1) over the last <c>window</c> steps.
/// </summary>
internal sealed class PlateauDetector
{
    private readonly double _tolerance;
    private readonly int _window;
    private readonly List<double> _history = [];

    public PlateauDetector(double tolerance, int window)
    {
        _tolerance = tolerance;
        _window = window;
    }

    /// <summary>Records the best loss after a step; true when the run should stop.</summary>
    public bool Record(double bestLoss)
    {
        _history.Add(bestLoss);
        if (_tolerance <= 0 || _history.Count <= _window)
        {
            return false;
        }

        var before = _history[^(_window + 1)];
        if (!double.IsFinite(before))
        {
            return false;
        }

        return before - bestLoss <= _tolerance * Math.Max(Math.Abs(bestLoss), 1.0);
    }
}
