using System.Globalization;
using System.Net;
using System.Text;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Views;
using NasPlatform.Plugins.Quantum.Circuits;

namespace NasPlatform.Plugins.Quantum.Views;

/// <summary>
/// The quantum plugin's domain views of a trial (found by the host in this assembly): the circuit
/// drawn as a diagram with its trained angles (from the trial's parameters.json artifact, when it
/// is still there), the circuit's gate counts, and its measured metrics. The evaluator does not
/// record the optimizer's trace, so there is no energy-convergence view.
/// </summary>
public sealed class QuantumTrialViews : ITrialViews
{
    /// <inheritdoc />
    public IReadOnlyList<TrialView> Render(TrialViewRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (circuit, problems) = CircuitCandidates.TryRead(request.Candidate);
        if (circuit is null)
        {
            return [TrialView.FromText("Circuit", TrialView.Text, $"Not a circuit of this plugin: {string.Join("; ", problems)}.")];
        }

        var angles = TrainedAngles(request, circuit.ParameterCount);
        var depth = CircuitDiagram.Schedule(circuit).DefaultIfEmpty(-1).Max() + 1;
        var anglesNote = angles is null ? "angles not recorded (θk is rotation k)." : "trained angles in radians.";
        var caption = string.Create(CultureInfo.InvariantCulture,
            $"{circuit.NumQubits} qubits, {circuit.Gates.Count} gates ({circuit.ParameterCount} rotations, {circuit.TwoQubitGateCount} two-qubit), depth {depth}; {anglesNote}");
        return
        [
            TrialView.FromText("Circuit", TrialView.Svg, CircuitDiagram.Svg(circuit, angles), caption),
            TrialView.FromText("Measured", TrialView.Html, MetricsTable(request.Metrics), $"at fidelity {request.Fidelity}"),
        ];
    }

    private static double[]? TrainedAngles(TrialViewRequest request, int count)
    {
        var artifact = request.Artifacts.FirstOrDefault(a => a.Name == "parameters");
        if (artifact is null || !File.Exists(artifact.Path))
        {
            return null;
        }

        try
        {
            var values = JObject.Parse(File.ReadAllText(artifact.Path))["parameters"]?.Values<double>().ToArray();
            // The exported circuit may hold more parameters than the ansatz (a classifier's readout): label only when they match.
            return values is not null && values.Length == count ? values : null;
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return null;
        }
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
}
