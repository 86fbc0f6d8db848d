using System.Globalization;
using System.Net;
using System.Text;
using NasPlatform.Abstractions.Search;
using NasPlatform.Abstractions.Views;
using NasPlatform.Engine.Storage;
using NasPlatform.Reporting.Charts;
using NasPlatform.Reporting.Data;
using NasPlatform.Reporting.Views;

namespace NasPlatform.Reporting.Html;

/// <summary>
/// The report as one self-contained HTML file: charts and images inlined as base64, styles and scripts
/// (the interactive charts: ECharts and nas-charts.js) inline, no network access needed to open it. Sections
/// carry stable ids (summary, progress, not-shown, and per experiment k from 1: analysis-k, trials-k, pareto-k, predictor-k, proxy-k,
/// best-k, failures-k, views-k). A part with nothing to show is left out of its experiment; the "not shown" section says once
/// which parts are missing, why, and for which experiments.
/// </summary>
public static class HtmlReport
{
    private const string Style = """
        body{font-family:system-ui,sans-serif;margin:2em auto;max-width:1100px;color:#222}
        h1{font-size:1.6em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}h3{margin-top:1.5em}
        table{border-collapse:collapse;margin:.5em 0;font-size:.9em}th,td{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}
        th{background:#f3f3f3}td.n{text-align:right;font-variant-numeric:tabular-nums}
        figure{margin:1em 0}figure img{max-width:100%;height:auto;border:1px solid #eee}figcaption{color:#555;font-size:.9em;max-width:800px}
        code,pre{font-family:ui-monospace,monospace;font-size:.85em}pre{background:#f7f7f7;padding:.5em;overflow-x:auto;white-space:pre-wrap}
        .note{color:#666;font-style:italic}.views{display:flex;flex-wrap:wrap;gap:1em}.views figure{flex:0 1 auto}
        """;

    /// <summary>The report's HTML.</summary>
    public static string Render(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        var names = string.Join(", ", report.Experiments.Select(e => e.Experiment.Name));
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<title>NasPlatform report: ").Append(E(names)).Append("</title><style>").Append(Style).Append(InteractiveHtml.Style).Append("</style></head><body>\n")
            .Append("<h1>NasPlatform report: ").Append(E(names)).Append("</h1>\n")
            .Append("<p class=\"note\">Made ").Append(E(report.CreatedAt.ToString("u", CultureInfo.InvariantCulture))).Append(" from ")
            .Append(E(string.Join(", ", report.Experiments.Select(e => e.Experiment.StorePath).Distinct()))).Append(".</p>\n");
        Summary(html, report);
        html.Append("<section id=\"progress\"><h2>Best so far</h2>\n");
        if (report.Progress.Count == 0)
        {
            Note(html, "No usable trial yet.");
        }

        report.Progress.ToList().ForEach(c => Figure(html, c));
        html.Append("</section>\n");
        var experiments = new StringBuilder();
        var absent = new List<(string Part, string Reason, string Experiment)>();
        for (var i = 0; i < report.Experiments.Count; i++)
        {
            Experiment(experiments, absent, report.Experiments[i], i + 1);
        }

        NotShown(html, absent);
        html.Append(experiments);

        InteractiveHtml.Scripts(html, [.. report.Experiments.Select(e => e.Analysis)]);
        return html.Append("</body></html>\n").ToString();
    }

    private static void Summary(StringBuilder html, Report report)
    {
        html.Append("<section id=\"summary\"><h2>Experiments</h2><table><tr><th>experiment</th><th>plugin</th><th>strategy</th><th>status</th>")
            .Append("<th>completed</th><th>failed</th><th>pruned</th><th>running / pending</th><th>seconds</th><th>best</th></tr>\n");
        foreach (var e in report.Experiments.Select(r => r.Experiment))
        {
            var best = e.Standing.Best;
            html.Append("<tr><td>").Append(E(e.Name)).Append("</td><td>").Append(E(e.Spec.Plugin)).Append("</td><td>").Append(E(e.Spec.Strategy.Name))
                .Append("</td><td>").Append(E(e.Record.Status.ToString().ToLowerInvariant())).Append("</td>");
            foreach (var count in new[]
                     {
                         e.Standing.Completed, e.Standing.Failed, e.Standing.Pruned, e.Standing.Running + e.Standing.Pending,
                     })
            {
                html.Append("<td class=\"n\">").Append(count).Append("</td>");
            }

            html.Append("<td class=\"n\">").Append(e.Record.ElapsedSeconds.ToString("0.0", CultureInfo.InvariantCulture)).Append("</td><td>")
                .Append(best.Count == 0 ? "-" : E(string.Join("; ", best.Take(3).Select(b => $"trial {b.Number}: {Objectives(b, e)}")) + (best.Count > 3 ? $"; … ({best.Count} on the front)" : string.Empty)))
                .Append("</td></tr>\n");
        }

        html.Append("</table></section>\n");
    }

    private static void Experiment(StringBuilder html, List<(string Part, string Reason, string Experiment)> absent, ExperimentReport report, int k)
    {
        var e = report.Experiment;
        html.Append("<section id=\"experiment-").Append(k).Append("\"><h2>").Append(E(e.Name)).Append("</h2>\n");
        if (!string.IsNullOrWhiteSpace(e.Spec.Description))
        {
            html.Append("<p>").Append(E(e.Spec.Description)).Append("</p>\n");
        }

        InteractiveHtml.Section(html, report.Analysis, k);
        var missing = new Absences(absent, e.Name);
        Part(html, missing, "trials", k, "Trials", report.Trials is null ? [] : [report.Trials], "No trial completed yet.");
        Part(html, missing, "pareto", k, "Pareto front", report.Pareto,
            e.Objectives.IsMultiObjective ? "No usable trial with every objective yet." : "One objective: no Pareto front (the best-so-far charts show its progress).");
        Part(html, missing, "predictor", k, "Predictor", new[] { report.Predictor, report.PredictorScatter }.OfType<ChartImage>().ToList(),
            "The strategy journaled no predictor refit with held-out trials (only predictor strategies do, from their second refit).", report.PredictorNote);
        Part(html, missing, "proxy", k, "Proxy fidelities", report.Proxy is null ? [] : [report.Proxy],
            $"No proxy check: run `nas proxy-check FILE --samples N` (it stores 'NAME{Workflows.Fidelities.ProxyCheck.NameSuffix}' beside the experiment), or search with several fidelities.");
        BestTrialsHtml.Render(html, missing, e, k);
        Failures(html, missing, e, k);
        DomainViewsPart(html, missing, report.Views, k);
        html.Append("</section>\n");
    }

    private static void Part(StringBuilder html, Absences missing, string id, int k, string title, IReadOnlyList<ChartImage> charts, string empty, string? note = null)
    {
        if (charts.Count == 0 && note is null)
        {
            missing.Add(title, empty);
            return;
        }

        html.Append("<section id=\"").Append(id).Append('-').Append(k).Append("\"><h3>").Append(E(title)).Append("</h3>\n");
        if (charts.Count == 0)
        {
            Note(html, empty);
        }

        if (note is not null)
        {
            Note(html, note);
        }

        foreach (var chart in charts)
        {
            Figure(html, chart);
        }

        html.Append("</section>\n");
    }

    private static void Failures(StringBuilder html, Absences missing, ExperimentSnapshot e, int k)
    {
        var failed = e.Trials.Where(t => t.State == TrialState.Failed).ToList();
        if (failed.Count == 0)
        {
            missing.Add("Failures", "No trial failed.");
            return;
        }

        html.Append("<section id=\"failures-").Append(k).Append("\"><h3>Failures</h3>\n");
        html.Append("<p>").Append(failed.Count).Append(" failed trials; by first line of the error:</p><table><tr><th>trials</th><th>error</th></tr>\n");
        foreach (var group in failed.GroupBy(t => FirstLine(t.Error)).OrderByDescending(g => g.Count()))
        {
            html.Append("<tr><td class=\"n\">").Append(group.Count()).Append("</td><td>").Append(E(group.Key)).Append("</td></tr>\n");
        }

        html.Append("</table><table><tr><th>trial</th><th>fidelity</th><th>worker</th><th>error</th></tr>\n");
        foreach (var trial in failed.Take(200))
        {
            html.Append("<tr><td class=\"n\">").Append(trial.Number).Append("</td><td>").Append(E(trial.Fidelity)).Append("</td><td>").Append(E(trial.Worker ?? "-"))
                .Append("</td><td><details><summary>").Append(E(FirstLine(trial.Error))).Append("</summary><pre>").Append(E(trial.Error ?? string.Empty))
                .Append("</pre></details></td></tr>\n");
        }

        html.Append("</table>\n</section>\n");
    }

    private static void DomainViewsPart(StringBuilder html, Absences missing, DomainViewSet views, int k)
    {
        if (views.Problem is null && views.Trials.Count == 0)
        {
            missing.Add("Domain views", "The plugin offers no domain views for this experiment (or no trial is usable yet, or plugins were not loaded).");
            return;
        }

        html.Append("<section id=\"views-").Append(k).Append("\"><h3>Domain views</h3>\n");
        if (views.Problem is not null)
        {
            Note(html, views.Problem);
        }

        foreach (var trial in views.Trials)
        {
            html.Append("<h4>Trial ").Append(trial.Trial.Number).Append("</h4>\n");
            if (trial.Problem is not null)
            {
                Note(html, trial.Problem);
            }

            html.Append("<div class=\"views\">\n");
            foreach (var view in trial.Views)
            {
                html.Append(TrialViewHtml.Render(view));
            }

            html.Append("</div>\n");
        }

        html.Append("</section>\n");
    }

    // The parts no experiment of the report could show, each said once with the experiments it concerns.
    private static void NotShown(StringBuilder html, List<(string Part, string Reason, string Experiment)> absent)
    {
        if (absent.Count == 0)
        {
            return;
        }

        html.Append("<section id=\"not-shown\"><h2>Not shown</h2><table><tr><th>part</th><th>why</th><th>experiments</th></tr>\n");
        foreach (var group in absent.GroupBy(a => (a.Part, a.Reason)))
        {
            html.Append("<tr><td>").Append(E(group.Key.Part)).Append("</td><td>").Append(E(group.Key.Reason)).Append("</td><td>")
                .Append(E(string.Join(", ", group.Select(a => a.Experiment).Distinct()))).Append("</td></tr>\n");
        }

        html.Append("</table></section>\n");
    }

    private static void Figure(StringBuilder html, ChartImage chart) =>
        // Width and height reserve the image's room before it decodes, so the page (and a chart a reader is hovering) does not jump.
        html.Append("<figure id=\"chart-").Append(E(chart.Id)).Append("\"><img alt=\"").Append(E(chart.Title))
            .Append("\" width=\"").Append(ChartCanvas.Width).Append("\" height=\"").Append(ChartCanvas.Height).Append("\" src=\"data:image/png;base64,")
            .Append(Convert.ToBase64String(chart.Png)).Append("\"><figcaption>").Append(E(chart.Caption)).Append("</figcaption></figure>\n");

    internal static void Note(StringBuilder html, string text) => html.Append("<p class=\"note\">").Append(E(text)).Append("</p>\n");

    internal static string Objectives(TrialRecord trial, ExperimentSnapshot e) =>
        string.Join(", ", e.Objectives.Objectives.Select(o => $"{o.Metric} = {(trial.Metrics.TryGetValue(o.Metric, out var v) ? Number(v) : "-")}"));

    private static string FirstLine(string? text) => (text ?? "(no message)").Split('\n')[0].Trim();

    internal static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    internal static string E(string text) => WebUtility.HtmlEncode(text);
}
