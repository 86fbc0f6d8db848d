using System.Globalization;
using System.Net;
using System.Text;
using NasPlatform.Abstractions.Views;
using NasPlatform.Plugins.Eda.Metrics;

namespace NasPlatform.Plugins.Eda.Views;

/// <summary>
/// The EDA plugin's domain views of a routability trial (found by the host in this assembly): for each
/// held-out test placement in the trial's hotspots.json, a feature map, the true hotspot map and the
/// predicted hotspot probability side by side, captioned with the true and predicted failed-net ratio
/// and the placement's own hotspot ROC-AUC; then the trial's measured metrics.
/// </summary>
public sealed class EdaTrialViews : ITrialViews
{
    /// <inheritdoc />
    public IReadOnlyList<TrialView> Render(TrialViewRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var views = new List<TrialView>();
        var artifact = request.Artifacts.FirstOrDefault(a => a.Name == HotspotsFile.ArtifactName);
        if (artifact is null || !File.Exists(artifact.Path))
        {
            views.Add(TrialView.FromText("Hotspot maps", TrialView.Text,
                artifact is null ? "This trial recorded no hotspots artifact." : $"{artifact.Path} is no longer there."));
        }
        else
        {
            var (hotspots, problem) = HotspotsFile.TryRead(artifact.Path);
            if (hotspots is null)
            {
                views.Add(TrialView.FromText("Hotspot maps", TrialView.Text, problem!));
            }
            else
            {
                foreach (var p in hotspots.Placements)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var auc = p.Label.Any(v => v > 0.5f) && p.Label.Any(v => v <= 0.5f)
                        ? I($"hotspot AUC {RocAuc.Compute(p.Predicted, p.Label):F3}")
                        : "hotspot AUC undefined (one class)";
                    var caption = I($"{p.Design}, {p.Conditions}: first-pass failed-net ratio true {p.TrueRatio:F3}, predicted {p.PredictedRatio:F3}; {auc}; {hotspots.Grid}x{hotspots.Grid} tiles, row 0 at the bottom.");
                    views.Add(TrialView.FromText($"Held-out placement {p.Key}", TrialView.Svg, HotspotMaps.Svg(p, hotspots.Grid, hotspots.Channel), caption));
                }
            }
        }

        views.Add(TrialView.FromText("Measured", TrialView.Html, MetricsTable(request.Metrics), $"at fidelity {request.Fidelity}"));
        return views;
    }

    private static string MetricsTable(IReadOnlyDictionary<string, double> metrics)
    {
        var html = new StringBuilder("<table>");
        foreach (var (name, value) in metrics.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            html.Append("<tr><td>").Append(WebUtility.HtmlEncode(name)).Append("</td><td class=\"n\">")
                .Append(value.ToString("G8", CultureInfo.InvariantCulture)).Append("</td></tr>");
        }

        return html.Append("</table>").ToString();
    }

    private static string I(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
