using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Views;
using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Plugins;
using NasPlatform.Engine.Results;
using NasPlatform.Engine.Storage;
using NasPlatform.Reporting.Data;

namespace NasPlatform.Reporting.Views;

/// <summary>
/// The plugin's domain views of an experiment's best trials (<see cref="ITrialViews"/>), found on
/// the evaluator, the search space, or a class of the evaluator's assembly, in that order.
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

        return Render(experiment, trials, views, cancellationToken);
    }

    /// <summary>The views of the given trials by <paramref name="views"/> (found once with <see cref="Find"/>; null: the plugin has none).</summary>
    public static DomainViewSet Render(ExperimentSnapshot experiment, IReadOnlyList<TrialRecord> trials, ITrialViews? views, CancellationToken cancellationToken)
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
                experiment.Spec.Evaluator.Name, experiment.Spec.Evaluator.Options, experiment.Spec.BaseDirectory);
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

    /// <summary>The plugin's <see cref="ITrialViews"/> for the experiment's components, or null when it has none.</summary>
    public static ITrialViews? Find(ExperimentSpec spec, PluginCatalog plugins)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(plugins);
        var evaluator = ComponentResolver.CreateEvaluator(spec, plugins);
        if (evaluator is ITrialViews fromEvaluator)
        {
            return fromEvaluator;
        }

        if (ComponentResolver.CreateSearchSpace(spec, plugins) is ITrialViews fromSpace)
        {
            return fromSpace;
        }

        return FromAssembly(evaluator);
    }

    private static ITrialViews? FromAssembly(IEvaluator evaluator)
    {
        var type = evaluator.GetType().Assembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ITrialViews).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .FirstOrDefault();
        return type is null ? null : (ITrialViews)Activator.CreateInstance(type)!;
    }
}
