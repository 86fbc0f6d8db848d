using System.Net;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NasPlatform.Reporting.Interactive;

namespace NasPlatform.Reporting.Html;

/// <summary>
/// The report's interactive part: per experiment a section (id analysis-k) with one chart per analysis view and a
/// trial card that a click on a point fills; at the end of the page ECharts, nas-charts.js and each experiment's
/// analysis JSON, inlined, so the file still fetches nothing.
/// </summary>
internal static class InteractiveHtml
{
    public const string Style = """
        .nas-chart{width:100%;min-width:600px;height:440px;border:1px solid #eee;margin:.5em 0}
        .nas-card{border:1px solid #cdd;background:#f8fbff;padding:.5em 1em;margin:.5em 0}.nas-card:empty{display:none}
        """;

    /// <summary>Experiment k's charts: a placeholder per view its data allow; the script draws them.</summary>
    public static void Section(StringBuilder html, JObject data, int k)
    {
        html.Append("<section id=\"analysis-").Append(k).Append("\"><h3>Interactive charts</h3>\n")
            .Append("<p class=\"note\">Hover a point for the trial's metrics and choices, drag or scroll to zoom (restore in the chart's toolbox), click a point to show the trial below.</p>\n")
            .Append("<div class=\"nas-card\" id=\"card-").Append(k).Append("\"></div>\n");
        foreach (var view in new[] { "history", "pareto", "importance", "parallel", "slice", "timeline", "curves", "lineage", "predictor" })
        {
            html.Append("<div class=\"nas-chart\" data-experiment=\"").Append(k).Append("\" data-view=\"").Append(view)
                .Append("\" id=\"chart-").Append(k).Append('-').Append(view).Append("\"></div>\n");
        }

        html.Append("</section>\n");
    }

    /// <summary>The scripts: the library, the platform's charts, the data of every experiment and the code that draws them.</summary>
    public static void Scripts(StringBuilder html, IReadOnlyList<JObject> data)
    {
        html.Append("<!-- Apache ECharts (Apache-2.0; its NOTICE: ").Append(WebUtility.HtmlEncode(ChartLibrary.EChartsNotice.Replace("--", "- -", StringComparison.Ordinal))).Append(") -->\n")
            .Append("<script>").Append(Inline(ChartLibrary.ECharts)).Append("</script>\n")
            .Append("<script>").Append(Inline(ChartLibrary.Charts)).Append("</script>\n")
            .Append("<script>").Append(Inline(ChartLibrary.Text("nas-curves.js"))).Append(Inline(ChartLibrary.Text("nas-lineage.js"))).Append("</script>\n")
            .Append("<script>const nasData = ")
            .Append(JsonConvert.SerializeObject(data, new JsonSerializerSettings { StringEscapeHandling = StringEscapeHandling.EscapeHtml }))
            .Append(";\n")
            .Append("""
            document.querySelectorAll(".nas-chart").forEach((element) => {
              const k = Number(element.dataset.experiment), data = nasData[k - 1], view = element.dataset.view;
              const offered = NasCharts.views(data).find((v) => v.id === view);
              if (!offered || !offered.ok) { element.remove(); return; }
              const show = (n) => {
                const card = document.getElementById("card-" + k);
                card.innerHTML = NasCharts.card(data, n);
                NasLineage.panel(card, data, n, show);
                card.scrollIntoView({ block: "nearest" });
              };
              NasCharts.draw(element, data, view, show);
            });
            </script>

            """);
    }

    // A script inlined in HTML ends at the first "</script": none may appear inside it.
    private static string Inline(string script) => script.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);
}
