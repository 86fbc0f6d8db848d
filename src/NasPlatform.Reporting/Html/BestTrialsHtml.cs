using System.Text;
using NasPlatform.Engine.Storage;
using NasPlatform.Reporting.Data;

namespace NasPlatform.Reporting.Html;

/// <summary>
/// The report's "Best trials" part: with one objective the top <see cref="Count"/> usable trials by it (at the
/// highest fidelity with a result, as "best" means elsewhere), best first; with several, the Pareto front.
/// </summary>
internal static class BestTrialsHtml
{
    /// <summary>How many trials the part lists.</summary>
    public const int Count = 10;

    // The Pareto front can be long; the table stops here (the interactive Pareto chart shows all of it).
    private const int FrontRows = 20;

    /// <summary>The trials listed, best first.</summary>
    public static IReadOnlyList<TrialRecord> Ranked(ExperimentSnapshot e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Objectives.IsMultiObjective)
        {
            return e.Standing.Best.Take(FrontRows).ToList();
        }

        var primary = e.Objectives.Primary;
        var fidelity = e.Standing.BestFidelity;
        var usable = e.Trials.Where(t => t.IsUsable && (fidelity is null || t.Fidelity == fidelity)
            && t.Metrics.TryGetValue(primary.Metric, out var v) && double.IsFinite(v)).ToList();
        // Best value first; on ties the earlier trial, as the best-trial rule has it.
        usable.Sort((a, b) =>
        {
            var x = a.Metrics[primary.Metric];
            var y = b.Metrics[primary.Metric];
            return primary.IsBetter(x, y) ? -1 : primary.IsBetter(y, x) ? 1 : a.Number.CompareTo(b.Number);
        });
        return usable.Take(Count).ToList();
    }

    public static void Render(StringBuilder html, Absences missing, ExperimentSnapshot e, int k)
    {
        var ranked = Ranked(e);
        if (ranked.Count == 0)
        {
            missing.Add("Best trials", "No usable trial yet.");
            return;
        }

        var what = e.Objectives.IsMultiObjective
            ? $"the Pareto front: {e.Standing.Best.Count} trials{(e.Standing.Best.Count > ranked.Count ? $", the first {ranked.Count} by {e.Objectives.Primary.Metric}" : string.Empty)}"
            : $"top {ranked.Count} by {e.Objectives.Primary.Metric} ({e.Objectives.Primary.Direction.ToString().ToLowerInvariant()})";
        html.Append("<section id=\"best-").Append(k).Append("\"><h3>Best trials <small>(").Append(HtmlReport.E(what)).Append(")</small></h3>\n")
            .Append("<table><tr><th>rank</th><th>trial</th><th>fidelity</th><th>metrics</th><th>candidate</th></tr>\n");
        for (var i = 0; i < ranked.Count; i++)
        {
            var trial = ranked[i];
            html.Append("<tr><td class=\"n\">").Append(i + 1).Append("</td><td class=\"n\">").Append(trial.Number).Append("</td><td>").Append(HtmlReport.E(trial.Fidelity)).Append("</td><td>")
                .Append(HtmlReport.E(string.Join(", ", trial.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key} = {HtmlReport.Number(m.Value)}"))))
                .Append("</td><td><code>").Append(HtmlReport.E(trial.Candidate.Json)).Append("</code></td></tr>\n");
        }

        html.Append("</table>\n</section>\n");
    }
}
