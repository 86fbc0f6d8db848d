using NasPlatform.Search.Torch;
using NasPlatform.Search;
using NasPlatform.Search.Predictors;
using NasPlatform.Search.Results;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Search;
using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Plugins;
using NasPlatform.Engine.Results;
using NasPlatform.Engine.Running;

namespace NasPlatform.Reporting.Data;

/// <summary>
/// Replays a predictor strategy's refits from the store, for the predicted-vs-measured chart: the
/// strategy journals only each refit's rank correlation, not its predictions. At each journaled
/// refit the same predictor (the strategy's settings, through <see cref="PredictorTrainer"/>) is
/// fitted on the usable trials told by then and predicts the trials told before the next refit,
/// which it did not see. The fit's seed is derived from the experiment seed, not the run's own
/// generator, so predictions (and tau) are close to the run's, not identical.
/// </summary>
public static class PredictorReplay
{
    /// <summary>Stream of the experiment seed the replayed fits draw from.</summary>
    public const int SeedStream = 0x52_45_50;

    /// <summary>The replayed refits that have held-out trials; empty when the experiment journaled no refit.</summary>
    /// <exception cref="Abstractions.NasConfigurationException">The experiment's plugin or search space cannot be loaded.</exception>
    public static IReadOnlyList<PredictorRefit> Run(ExperimentSnapshot experiment, PluginCatalog plugins, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(plugins);
        var fits = experiment.PredictorFits;
        if (fits.Count == 0 || experiment.Fidelities.Count == 0)
        {
            return [];
        }

        var spec = experiment.Spec;
        var fidelities = experiment.Fidelities;
        var defaultFidelity = fidelities.FirstOrDefault(f => f.Name == spec.Fidelity) ?? fidelities[^1];
        var context = new StrategyContext(ComponentResolver.CreateSearchSpace(spec, plugins), experiment.Objectives, fidelities, defaultFidelity, spec.Seed);
        var settings = PredictorSettings.FromOptions(spec.Strategy.Options ?? new JObject(), $"experiment '{experiment.Name}', strategy '{spec.Strategy.Name}'");
        var told = experiment.Trials.Where(t => t.TellSequence is not null).OrderBy(t => t.TellSequence).Select(t => t.ToOutcome()).ToList();
        var primary = experiment.Objectives.Primary;
        using var trainer = new PredictorTrainer(context, settings, SearchComponents.Predictors);
        var refits = new List<PredictorRefit>();
        for (var i = 0; i < fits.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var at = (int)Math.Min(fits[i].TrialsTold, told.Count);
            var next = i + 1 < fits.Count ? (int)Math.Min(fits[i + 1].TrialsTold, told.Count) : told.Count;
            var training = PredictorTrainer.TrainingTrials(told.Take(at), context);
            var heldOut = PredictorTrainer.TrainingTrials(told.Skip(at).Take(next - at), context);
            if (training.Count == 0 || heldOut.Count == 0)
            {
                continue;
            }

            trainer.Refit(training, SeedSequence.Derive(spec.Seed, SeedStream + i));
            var predictedUtility = trainer.Predictor.Predict(heldOut.Select(t => context.Space.Encode(t.Candidate)).ToArray()).Mean;
            var measuredUtility = heldOut.Select(t => PredictorTrainer.Utility(t, context)).ToArray();
            var tau = heldOut.Count < 2 ? double.NaN : RankCorrelation.KendallTauB(predictedUtility, measuredUtility);
            var journaled = i + 1 < fits.Count && fits[i + 1].Values.TryGetValue("kendallTau", out var j) ? j : double.NaN;
            // Utilities are the metric or its negation: the same map turns them back into metric units.
            refits.Add(new PredictorRefit(fits[i].TrialsTold, training.Count, predictedUtility.Select(primary.Utility).ToArray(),
                measuredUtility.Select(primary.Utility).ToArray(), tau, journaled)
            {
                Trials = heldOut.Select(t => t.Number).ToList(),
            });
        }

        return refits;
    }
}
