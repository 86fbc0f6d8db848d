using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Views;
using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Plugins;
using NasPlatform.Engine.Results;
using NasPlatform.Engine.Storage;
using NasPlatform.Reporting.Data;

namespace NasPlatform.Reporting.Views;

/// <summary>
/// The plugin's domain views of an experiment's best trials (<see cref="ITrialViews"/>), as the
/// plugin registered them (<c>IPluginRegistry.AddTrialViews</c>).
/// </summary>
public static class DomainViews
{
    /// <summary>The views of the best trials (up to <paramref name="maxTrials"/>); a problem instead when the plugin cannot be used.</summary>
    public static DomainViewSet ForBest(ExperimentSnapshot experiment, PluginCatalog plugins, int maxTrials, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        var best = experiment.Standing.Best.Take(maxTrials).ToList();
        return For(experiment, best, plugins, cancellationToken);
    }

    /// <summary>The views of the given trials of <paramref name="experiment"/>.</summary>
    public static DomainViewSet For(ExperimentSnapshot experiment, IReadOnlyList<TrialRecord> trials, PluginCatalog plugins, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(trials);
        ArgumentNullException.ThrowIfNull(plugins);
        if (trials.Count == 0)
        {
            return new DomainViewSet([], null);
        }

        ITrialViews? views;
        try
        {
            views = Find(experiment.Spec, plugins);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new DomainViewSet([], $"plugin '{experiment.Spec.Plugin}' could not be loaded for its views: {e.Message}");
        }

        return Render(experiment, trials, views, EvaluatorOptions(experiment.Spec, plugins), cancellationToken);
    }

    /// <summary>The views of the given trials by <paramref name="views"/> (found once with <see cref="Find"/>; null: the plugin has none).</summary>
    /// <param name="experiment">The experiment.</param>
    /// <param name="trials">Its trials to render.</param>
    /// <param name="views">The plugin's views; null when it has none.</param>
    /// <param name="evaluatorOptions">The evaluator's bound options record (<see cref="EvaluatorOptions"/>).</param>
    /// <param name="cancellationToken">Stops rendering.</param>
    public static DomainViewSet Render(ExperimentSnapshot experiment, IReadOnlyList<TrialRecord> trials, ITrialViews? views, object? evaluatorOptions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(trials);
        if (views is null)
        {
            return new DomainViewSet([], null);
        }

        var rendered = new List<TrialViews>();
        foreach (var trial in trials)
        {
            var request = new TrialViewRequest(trial.Candidate, trial.Fidelity, trial.Metrics, trial.Artifacts,
                experiment.Spec.Evaluator.Name, evaluatorOptions, experiment.Spec.BaseDirectory);
            try
            {
                rendered.Add(new TrialViews(trial, views.Render(request, cancellationToken), null));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                rendered.Add(new TrialViews(trial, [], $"{views.GetType().Name} failed: {e.Message}"));
            }
        }

        return new DomainViewSet(rendered, null);
    }

    /// <summary>The experiment's evaluator options bound to the record its plugin registered; null when they cannot be.</summary>
    public static object? EvaluatorOptions(ExperimentSpec spec, PluginCatalog plugins)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(plugins);
        return plugins.BindEvaluatorOptions(spec.Plugin, spec.Evaluator.Name, spec.Evaluator.Options);
    }

    /// <summary>The views the experiment's plugin registered, or null when it has none; no component is constructed to find them.</summary>
    public static ITrialViews? Find(ExperimentSpec spec, PluginCatalog plugins)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(plugins);
        return plugins.TrialViewsOf(spec.Plugin);
    }
}
