using System.Globalization;
using System.Numerics;
using Newtonsoft.Json.Linq;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Plugins.Quantum.Qdk;

/// <summary>
/// Checks our simulator against Microsoft's: each circuit is exported as Q# (<see cref="QSharpExporter"/>), run
/// for one shot by the QDK's simulator with a <c>DumpMachine</c> at the end, and the dumped state compared with
/// the state <see cref="StateVector"/> computes, up to a global phase. All circuits of a batch go through one
/// Node process. Basis labels: both sides put qubit 0 first (|100⟩ = qubit 0 set = our index 4 of 3 qubits).
/// </summary>
public sealed class QdkDifferential(QdkBridge bridge)
{
    /// <summary>The largest amplitude difference after aligning the global phase; one per circuit.</summary>
    /// <exception cref="QdkCompileException">Microsoft's compiler rejected an exported circuit (its diagnostics, with the Q#).</exception>
    public IReadOnlyList<double> Deviations(IReadOnlyList<(Circuit Circuit, double[] Parameters)> circuits, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(circuits);
        var requests = circuits.Select(c => StateRequest(c.Circuit, c.Parameters)).ToList();
        var results = bridge.Run(requests, cancellationToken);
        var deviations = new List<double>(circuits.Count);
        for (var i = 0; i < circuits.Count; i++)
        {
            if (QdkBridge.Failure(results[i], "circuit.qs") is { } failure)
            {
                throw new QdkCompileException($"Circuit {i}: {failure}\n{requests[i].Value<string>("source")}");
            }

            var (circuit, parameters) = circuits[i];
            deviations.Add(Deviation(Ours(circuit, parameters), QdkBridge.Amplitudes(results[i])));
        }

        return deviations;
    }

    /// <summary>The request that runs the Q# of <paramref name="circuit"/> once and dumps the state at the end.</summary>
    public static JObject StateRequest(Circuit circuit, IReadOnlyList<double> parameters)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        var source = QSharpExporter.Export(circuit, parameters, "NasPlatform.Check", "Circuit", []) + string.Create(CultureInfo.InvariantCulture, $$"""

            namespace NasPlatform.CheckRun {
                operation Run() : Unit {
                    use qs = Qubit[{{circuit.NumQubits}}];
                    NasPlatform.Check.Circuit(qs);
                    Std.Diagnostics.DumpMachine();
                    ResetAll(qs);
                }
            }

            """);
        return new JObject { ["op"] = "state", ["source"] = source, ["expr"] = "NasPlatform.CheckRun.Run()" };
    }

    /// <summary>Our simulator's state of <paramref name="circuit"/> from |0…0⟩.</summary>
    public static Complex[] Ours(Circuit circuit, IReadOnlyList<double> parameters)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentNullException.ThrowIfNull(parameters);
        var state = new StateVector(circuit.NumQubits);
        circuit.Apply(state, parameters.ToArray());
        return Enumerable.Range(0, state.Length).Select(i => state[i]).ToArray();
    }

    /// <summary>max_i |theirs_i − e^{iφ}·ours_i| with φ aligning the largest amplitude of ours (∞ when the sizes differ).</summary>
    public static double Deviation(IReadOnlyList<Complex> ours, IReadOnlyList<Complex> theirs)
    {
        ArgumentNullException.ThrowIfNull(ours);
        ArgumentNullException.ThrowIfNull(theirs);
        if (ours.Count != theirs.Count)
        {
            return double.PositiveInfinity;
        }

        var pivot = Enumerable.Range(0, ours.Count).MaxBy(i => ours[i].Magnitude);
        var phase = theirs[pivot].Magnitude < 1e-300 ? Complex.One : theirs[pivot] / ours[pivot];
        phase /= phase.Magnitude;
        var worst = 0.0;
        for (var i = 0; i < ours.Count; i++)
        {
            worst = Math.Max(worst, (theirs[i] - (phase * ours[i])).Magnitude);
        }

        return worst;
    }
}
