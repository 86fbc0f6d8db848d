using System.Text;
using NasPlatform.Engine.Plugins;
using NasPlatform.Reporting.Data;
using NasPlatform.Reporting.Html;
using NasPlatform.Reporting.Views;

namespace NasPlatform.Dashboard.Api;

/// <summary>The plugins' domain views of one trial as an HTML fragment; the plugins load on first use.</summary>
public sealed class TrialViewsService(IReadOnlyList<string> pluginDirectories)
{
    private readonly Lazy<PluginCatalog> _plugins = new(() => PluginCatalog.LoadDefault(pluginDirectories));

    /// <summary>The fragment; a note when the plugin offers no views or they failed.</summary>
    public string Html(ExperimentSnapshot experiment, int number, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        var trial = experiment.Trials.FirstOrDefault(t => t.Number == number);
        if (trial is null)
        {
            return Note($"No trial {number}.");
        }

        var set = DomainViews.For(experiment, [trial], _plugins.Value, cancellationToken);
        var html = new StringBuilder();
        if (set.Problem is not null)
        {
            return Note(set.Problem);
        }

        foreach (var views in set.Trials)
        {
            if (views.Problem is not null)
            {
                html.Append(Note(views.Problem));
            }

            views.Views.ToList().ForEach(v => html.Append(TrialViewHtml.Render(v)));
        }

        return html.Length == 0 ? Note($"Plugin '{experiment.Spec.Plugin}' offers no domain views of this trial.") : html.ToString();
    }

    private static string Note(string text) => $"<p class=\"note\">{System.Net.WebUtility.HtmlEncode(text)}</p>";
}
