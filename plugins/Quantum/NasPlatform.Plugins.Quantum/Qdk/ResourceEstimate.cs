using System.Globalization;
using Newtonsoft.Json.Linq;

namespace NasPlatform.Plugins.Quantum.Qdk;

/// <summary>
/// The headline numbers of one Azure Quantum Resource Estimator result (what running a circuit
/// fault-tolerantly would take): read from the estimator's JSON, whose full text is kept in <see cref="Raw"/>.
/// </summary>
/// <param name="QubitModel">The physical qubit model (e.g. qubit_gate_ns_e3).</param>
/// <param name="QecScheme">The error-correction scheme (surface_code, floquet_code).</param>
/// <param name="ErrorBudget">The total error budget.</param>
/// <param name="LogicalQubits">Algorithmic logical qubits (the circuit's qubits laid out for lattice surgery).</param>
/// <param name="LogicalDepth">Logical cycles.</param>
/// <param name="CodeDistance">Code distance of each logical qubit.</param>
/// <param name="PhysicalQubits">Physical qubits in all (algorithm plus T factories).</param>
/// <param name="PhysicalQubitsForTFactories">Physical qubits of the T factories.</param>
/// <param name="TFactories">Number of T factories.</param>
/// <param name="TStates">T states consumed (rotations are synthesized from T gates).</param>
/// <param name="RuntimeNanoseconds">Run time in nanoseconds.</param>
/// <param name="Raw">The estimator's result object.</param>
public sealed record ResourceEstimate(
    string QubitModel,
    string QecScheme,
    double ErrorBudget,
    long LogicalQubits,
    long LogicalDepth,
    long CodeDistance,
    long PhysicalQubits,
    long PhysicalQubitsForTFactories,
    long TFactories,
    long TStates,
    double RuntimeNanoseconds,
    JObject Raw)
{
    /// <summary>The share of physical qubits that distil T states.</summary>
    public double TFactoryShare => PhysicalQubits == 0 ? 0 : (double)PhysicalQubitsForTFactories / PhysicalQubits;

    /// <summary>Reads one result object of the estimator.</summary>
    /// <exception cref="InvalidOperationException">The estimator reported a failure.</exception>
    public static ResourceEstimate Parse(JObject result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Value<string>("status") is { } status && status != "success")
        {
            throw new InvalidOperationException($"The Resource Estimator failed: {result["error"]?.ToString() ?? status}");
        }

        var counts = result["physicalCounts"]!;
        var breakdown = counts["breakdown"]!;
        var job = result["jobParams"]!;
        return new ResourceEstimate(
            job["qubitParams"]?.Value<string>("name") ?? "?",
            job["qecScheme"]?.Value<string>("name") ?? "?",
            job.Value<double?>("errorBudget") ?? double.NaN,
            breakdown.Value<long>("algorithmicLogicalQubits"),
            breakdown.Value<long>("logicalDepth"),
            result["logicalQubit"]?.Value<long>("codeDistance") ?? 0,
            counts.Value<long>("physicalQubits"),
            breakdown.Value<long>("physicalQubitsForTfactories"),
            breakdown.Value<long>("numTfactories"),
            breakdown.Value<long>("numTstates"),
            counts.Value<double>("runtime"),
            result);
    }

    /// <summary>A run time in the unit that reads best ("136.8 us", "2.4 ms", "1.3 s").</summary>
    public static string Duration(double nanoseconds) => nanoseconds switch
    {
        < 1e3 => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds:0.#} ns"),
        < 1e6 => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds / 1e3:0.#} us"),
        < 1e9 => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds / 1e6:0.##} ms"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds / 1e9:0.##} s"),
    };

    /// <summary>The headline lines, as `nas quantum estimate` prints them.</summary>
    public IReadOnlyList<(string Name, string Value)> Lines() =>
    [
        ("qubit model", $"{QubitModel}, {QecScheme}, error budget {ErrorBudget.ToString("G3", CultureInfo.InvariantCulture)}"),
        ("logical qubits", LogicalQubits.ToString(CultureInfo.InvariantCulture)),
        ("logical depth", LogicalDepth.ToString(CultureInfo.InvariantCulture)),
        ("code distance", CodeDistance.ToString(CultureInfo.InvariantCulture)),
        ("physical qubits", PhysicalQubits.ToString("N0", CultureInfo.InvariantCulture)),
        ("runtime", Duration(RuntimeNanoseconds)),
        ("T states", TStates.ToString(CultureInfo.InvariantCulture)),
        ("T factories", string.Create(CultureInfo.InvariantCulture, $"{TFactories} ({PhysicalQubitsForTFactories:N0} physical qubits, {TFactoryShare:P1} of all)")),
    ];
}
