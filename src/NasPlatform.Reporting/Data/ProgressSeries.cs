using NasPlatform.Search.Results;
using NasPlatform.Engine.Results;
using NasPlatform.Engine.Storage;

namespace NasPlatform.Reporting.Data;

/// <summary>How an experiment's best value moved: one point per finished trial, in the order trials were told.</summary>
/// <param name="Label">The experiment (and its strategy) for a legend.</param>
/// <param name="Quantity">What the values are: the primary metric, or the front's hypervolume.</param>
/// <param name="Trials">Finished trials so far at each point (1, 2, …).</param>
/// <param name="Seconds">Wall-clock seconds from the first trial's creation to each trial's end.</param>
/// <param name="Values">The best so far after each trial (NaN until a trial counts).</param>
public sealed record ProgressSeries(string Label, string Quantity, double[] Trials, double[] Seconds, double[] Values)
{
    /// <summary>
    /// One objective: the best value of the primary metric among usable trials so far (with several
    /// fidelities, at the highest fidelity that has a usable trial by the end, as "best" means in
    /// <see cref="BestTrials"/>). Several objectives: the hypervolume the run recorded after each trial.
    /// </summary>
    public static ProgressSeries Of(ExperimentSnapshot experiment)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        var label = $"{experiment.Name} ({experiment.Spec.Strategy.Name})";
        var finished = experiment.Trials.Where(t => t.IsFinished && t.FinishedAt is not null)
            .OrderBy(t => t.TellSequence ?? long.MaxValue).ThenBy(t => t.FinishedAt).ToList();
        var start = experiment.Trials.Count == 0 ? default : experiment.Trials.Min(t => t.CreatedAt);
        var trials = finished.Select((_, i) => (double)(i + 1)).ToArray();
        var seconds = finished.Select(t => (t.FinishedAt!.Value - start).TotalSeconds).ToArray();
        var objectives = experiment.Objectives;
        if (objectives.IsMultiObjective)
        {
            var byTrial = experiment.FrontHistory.GroupBy(p => p.TrialNumber).ToDictionary(g => g.Key, g => g.Last().Hypervolume);
            var values = new double[finished.Count];
            var last = double.NaN;
            for (var i = 0; i < finished.Count; i++)
            {
                last = byTrial.TryGetValue(finished[i].Number, out var hv) ? hv : last;
                values[i] = last;
            }

            return new ProgressSeries(label, "hypervolume", trials, seconds, values);
        }

        var primary = objectives.Primary;
        var topFidelity = experiment.Standing.BestFidelity;
        var best = new double[finished.Count];
        var current = double.NaN;
        for (var i = 0; i < finished.Count; i++)
        {
            var trial = finished[i];
            if (trial.IsUsable && (topFidelity is null || trial.Fidelity == topFidelity)
                && trial.Metrics.TryGetValue(primary.Metric, out var value) && double.IsFinite(value)
                && (double.IsNaN(current) || primary.IsBetter(value, current)))
            {
                current = value;
            }

            best[i] = current;
        }

        return new ProgressSeries(label, primary.Metric, trials, seconds, best);
    }
}
