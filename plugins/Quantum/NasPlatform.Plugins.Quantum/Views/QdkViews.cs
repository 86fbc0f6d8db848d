using System.Net;
using System.Text;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions;
using NasPlatform.Abstractions.Views;
using NasPlatform.Plugins.Quantum.Commands;
using NasPlatform.Plugins.Quantum.Qdk;

namespace NasPlatform.Plugins.Quantum.Views;

/// <summary>
/// The trial views that hand a found circuit to Microsoft's Quantum Development Kit: the circuit as Q#
/// (what `nas quantum export-circuit --format qsharp` writes; made here, no Node needed) and, once
/// `nas quantum estimate` has run for the trial, its resource estimates (qdk-estimates.json beside the artifacts).
/// </summary>
internal static class QdkViews
{
    public static IEnumerable<TrialView> Render(TrialViewRequest request, CancellationToken cancellationToken)
    {
        FoundCircuit found;
        try
        {
            found = FoundCircuit.Read(request);
        }
        catch (NasConfigurationException)
        {
            yield break; // artifacts gone or not this evaluator's: the circuit view already says what is missing
        }

        var source = QSharpExporter.Export(found.Circuit, found.Parameters, "NasPlatform.Found", "PrepareFoundState", ["Found by NasPlatform."]);
        yield return TrialView.FromText("Q# (Microsoft QDK)", TrialView.Text, source,
            "`nas quantum export-circuit EXP --trial N --format qsharp|qir|qasm3` writes it; --check runs it in Microsoft's simulator");
        var folder = Path.GetDirectoryName(request.Artifacts.First(a => a.Name == "parameters").Path)!;
        // The trial folder is trial-N: the files are named after it, so downloads of several trials do not collide.
        var stem = Path.GetFileName(folder) is { Length: > 0 } name ? name : "found-circuit";
        var (downloads, qirNote) = CircuitDownloads.For(found, source, stem, cancellationToken);
        yield return TrialView.FromText("Download the circuit", TrialView.Html, CircuitDownloads.Html(downloads, qirNote),
            "with its trained angles; the same files `nas quantum export-circuit` writes");
        var path = Path.Combine(folder, EstimateCommand.FileName);
        if (!File.Exists(path))
        {
            yield break;
        }

        ResourceEstimate? estimate;
        try
        {
            estimate = ResourceEstimate.Parse(JObject.Parse(File.ReadAllText(path)));
        }
        catch (Exception e) when (e is Newtonsoft.Json.JsonException or InvalidOperationException or NullReferenceException)
        {
            estimate = null;
        }

        if (estimate is not null)
        {
            yield return TrialView.FromText("Resource estimates", TrialView.Html, Table(estimate), "Azure Quantum Resource Estimator (qsharp-lang), from `nas quantum estimate`");
        }
    }

    private static string Table(ResourceEstimate estimate)
    {
        var html = new StringBuilder("<table>");
        foreach (var (name, value) in estimate.Lines())
        {
            html.Append("<tr><td>").Append(WebUtility.HtmlEncode(name)).Append("</td><td>").Append(WebUtility.HtmlEncode(value)).Append("</td></tr>");
        }

        return html.Append("</table>").ToString();
    }
}
