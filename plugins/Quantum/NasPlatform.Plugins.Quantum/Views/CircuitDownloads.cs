using System.Net;
using System.Text;
using Newtonsoft.Json.Linq;
using NasPlatform.Plugins.Quantum.Qdk;
using NasPlatform.Quantum.Simulator.Qasm;

namespace NasPlatform.Plugins.Quantum.Views;

/// <summary>
/// The trial view's download links: the found circuit with its trained angles as Q#, OpenQASM 3, OpenQASM 2
/// and, where Microsoft's QDK is already installed, QIR compiled by Microsoft's compiler; the same text
/// `nas quantum export-circuit` writes. The files travel inside the page as data URIs, so report.html stays one
/// file that fetches nothing and the dashboard needs no plugin-specific endpoint.
/// </summary>
internal static class CircuitDownloads
{
    /// <summary>One file offered for download.</summary>
    public sealed record Download(string Label, string FileName, string Content);

    /// <summary>The view's HTML: one link per format, and a line saying how to get QIR where it is not offered.</summary>
    public static string Html(IReadOnlyList<Download> downloads, string? qirNote)
    {
        var html = new StringBuilder("<p class=\"downloads\">");
        foreach (var download in downloads)
        {
            var data = Convert.ToBase64String(new UTF8Encoding(false).GetBytes(download.Content));
            html.Append("<a class=\"download\" download=\"").Append(WebUtility.HtmlEncode(download.FileName))
                .Append("\" href=\"data:text/plain;charset=utf-8;base64,").Append(data).Append("\">")
                .Append(WebUtility.HtmlEncode(download.Label)).Append(" (").Append(WebUtility.HtmlEncode(download.FileName)).Append(")</a> ");
        }

        html.Append("</p>");
        if (qirNote is not null)
        {
            html.Append("<p class=\"note\">").Append(WebUtility.HtmlEncode(qirNote)).Append("</p>");
        }

        return html.ToString();
    }

    /// <summary>
    /// The files of one found circuit. QIR is compiled only when the QDK is installed already: a view must not
    /// start an npm install, and a missing Node is not an error of the page.
    /// </summary>
    public static (IReadOnlyList<Download> Downloads, string? QirNote) For(FoundCircuit found, string qsharp, string stem, CancellationToken cancellationToken)
    {
        var angles = found.Parameters.ToArray();
        var downloads = new List<Download>
        {
            new("Q#", stem + ".qs", qsharp),
            new("OpenQASM 3", stem + ".qasm3.qasm", Qasm3Exporter.Export(found.Circuit, angles)),
            new("OpenQASM 2", stem + ".qasm", QasmExporter.Export(found.Circuit, angles)),
        };
        const string command = "`nas quantum export-circuit EXP --trial N --format qir`";
        if (QdkInstallation.Existing() is not { } installation)
        {
            return (downloads, $"QIR: Microsoft's compiler is not installed here (Node.js and qsharp-lang); {command} installs and runs it.");
        }

        try
        {
            var request = new JObject { ["op"] = "qir", ["source"] = qsharp, ["profile"] = "base" };
            var qir = new QdkBridge(installation).RunOne(request, stem + ".qs", cancellationToken).Value<string>("qir")!;
            downloads.Add(new("QIR (base profile)", stem + ".ll", qir));
            return (downloads, null);
        }
        catch (Exception e) when (e is QdkCompileException or InvalidOperationException)
        {
            return (downloads, $"QIR could not be compiled here ({FirstLine(e.Message)}); {command} reports the whole error.");
        }
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
