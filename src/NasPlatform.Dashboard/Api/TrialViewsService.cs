using System.Collections.Concurrent;
using System.Text;
using NasPlatform.Abstractions.Views;
using NasPlatform.Engine.Plugins;
using NasPlatform.Reporting.Data;
using NasPlatform.Reporting.Html;
using NasPlatform.Reporting.Views;

namespace NasPlatform.Dashboard.Api;

/// <summary>
/// The plugins' domain views of one trial as an HTML fragment. The plugins load on first use, and
/// each experiment's views are looked up once in its plugin's registration.
/// </summary>
public sealed class TrialViewsService(IReadOnlyList<string> pluginDirectories)
{
    private readonly Lazy<PluginCatalog> _plugins = new(() => PluginCatalog.LoadDefault(pluginDirectories));
    private readonly ConcurrentDictionary<string, Lazy<(ITrialViews? Views, string? Problem)>> _views = new(StringComparer.Ordinal);

    /// <summary>The plugins, loaded on first use and shared with whatever else needs them (the table's choices).</summary>
    public PluginCatalog Plugins => _plugins.Value;

    /// <summary>The fragment; a note when the plugin offers no views or they failed.</summary>
    public string Html(ExperimentSnapshot experiment, int number, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        var trial = experiment.Trials.FirstOrDefault(t => t.Number == number);
        if (trial is null)
        {
            return Note($"No trial {number}.");
        }

        var (views, problem) = _views.GetOrAdd($"{experiment.StorePath}|{experiment.Name}", _ => new(() => Find(experiment))).Value;
        if (problem is not null)
        {
            return Note(problem);
        }

        var set = DomainViews.Render(experiment, [trial], views, DomainViews.EvaluatorOptions(experiment.Spec, _plugins.Value), cancellationToken);
        var html = new StringBuilder();
        foreach (var rendered in set.Trials)
        {
            if (rendered.Problem is not null)
            {
                html.Append(Note(rendered.Problem));
            }

            rendered.Views.ToList().ForEach(v => html.Append(TrialViewHtml.Render(v)));
        }

        return html.Length == 0 ? Note($"Plugin '{experiment.Spec.Plugin}' offers no domain views of this trial.") : html.ToString();
    }

    private (ITrialViews?, string?) Find(ExperimentSnapshot experiment)
    {
        try
        {
            return (DomainViews.Find(experiment.Spec, _plugins.Value), null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (null, $"plugin '{experiment.Spec.Plugin}' could not be loaded for its views: {e.Message}");
        }
    }

    private static string Note(string text) => $"<p class=\"note\">{System.Net.WebUtility.HtmlEncode(text)}</p>";
}
