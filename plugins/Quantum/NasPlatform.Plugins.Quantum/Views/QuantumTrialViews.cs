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
/// is still there), the circuit's gate counts, the training loss by optimizer step (the energy for
/// VQE, with the exact ground energy) when parameters.json recorded it, its measured metrics, and the circuit
/// as Q# with its resource estimates when `nas quantum estimate` has run (<see cref="QdkViews"/>).
/// </summary>
public sealed class QuantumTrialViews : ITrialViews
{
    /// <inheritdoc />
    public IReadOnlyList<TrialView> Render(TrialViewRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (circuit, problems) = CircuitCandidates.TryRead(request.Candidate);
        var recorded = ReadParameters(request);
        TrialView first;
        if (circuit is not null)
        {
            first = Diagram(circuit, recorded);
        }
        else if (TrainedCircuitSummary(request) is { } summary)
        {
            // Excitation operators (ADAPT-VQE, UCCSD, the excitation space) or a classifier: no layer diagram, but the
            // trained circuit the evaluator stored is what the Q#, the downloads and the estimates are made of.
            first = TrialView.FromText("Circuit", TrialView.Text, summary, "the trained circuit the evaluator stored (circuit.qasm)");
        }
        else
        {
            return [TrialView.FromText("Circuit", TrialView.Text, $"Not a circuit of this plugin: {string.Join("; ", problems)}.")];
        }

        var views = new List<TrialView> { first };
        var trace = recorded?["convergence"]?.ToObject<double[]>() ?? [];
        var isEnergy = request.Metrics.ContainsKey("energy");
        double? exact = request.Metrics.TryGetValue("exact_energy", out var e) ? e : null;
        if (ConvergenceChart.Svg(trace, exact, isEnergy ? "energy (Ha or model units)" : "training loss") is { } chart)
        {
            var last = trace[^1].ToString("G8", CultureInfo.InvariantCulture);
            views.Add(TrialView.FromText(isEnergy ? "Energy convergence" : "Training convergence", TrialView.Svg, chart,
                $"best restart, {trace.Length - 1} steps, final {last}" + (exact is { } x ? string.Create(CultureInfo.InvariantCulture, $", exact {x:G10}") : string.Empty)));
        }

        views.Add(TrialView.FromText("Measured", TrialView.Html, MetricsTable(request.Metrics), $"at fidelity {request.Fidelity}"));
        views.AddRange(QdkViews.Render(request, cancellationToken));
        return views;
    }

    private static TrialView Diagram(AnsatzCircuit circuit, JObject? recorded)
    {
        // The exported circuit may hold more parameters than the ansatz (a classifier's readout): angles label the diagram only when the counts match.
        var angles = recorded?["parameters"]?.ToObject<double[]>() is { } values && values.Length == circuit.ParameterCount ? values : null;
        var depth = CircuitDiagram.Schedule(circuit).DefaultIfEmpty(-1).Max() + 1;
        var anglesNote = angles is null ? "angles not recorded (θk is rotation k)." : "trained angles in radians.";
        var caption = string.Create(CultureInfo.InvariantCulture,
            $"{circuit.NumQubits} qubits, {circuit.Gates.Count} gates ({circuit.ParameterCount} rotations, {circuit.TwoQubitGateCount} two-qubit), depth {depth}; {anglesNote}");
        return TrialView.FromText("Circuit", TrialView.Svg, CircuitDiagram.Svg(circuit, angles), caption);
    }

    /// <summary>The candidate and the stored trained circuit's size, for candidates that are not layer-wise or gate-wise circuits; null without a readable circuit.qasm.</summary>
    private static string? TrainedCircuitSummary(TrialViewRequest request)
    {
        var artifact = request.Artifacts.FirstOrDefault(a => a.Name == "circuit");
        if (artifact is null || !File.Exists(artifact.Path))
        {
            return null;
        }

        NasPlatform.Quantum.Simulator.Circuit trained;
        try
        {
            trained = NasPlatform.Quantum.Simulator.Qasm.QasmImporter.Import(File.ReadAllText(artifact.Path), artifact.Path);
        }
        catch (NasPlatform.Quantum.Simulator.Qasm.QasmException)
        {
            return null;
        }

        var cnots = trained.Ops.Count(op => op.Kind == NasPlatform.Quantum.Simulator.GateKind.CNOT);
        return string.Create(CultureInfo.InvariantCulture,
            $"{trained.NumQubits} qubits, {trained.Ops.Count} gates ({cnots} CNOTs, {trained.TwoQubitGateCount} two-qubit), depth {trained.Depth}.\n")
            + request.Candidate.ToJson().ToString(Newtonsoft.Json.Formatting.Indented);
    }

    /// <summary>The trial's parameters.json (angles, convergence), when it is still there.</summary>
    private static JObject? ReadParameters(TrialViewRequest request)
    {
        var artifact = request.Artifacts.FirstOrDefault(a => a.Name == "parameters");
        if (artifact is null || !File.Exists(artifact.Path))
        {
            return null;
        }

        try
        {
            return JObject.Parse(File.ReadAllText(artifact.Path));
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
