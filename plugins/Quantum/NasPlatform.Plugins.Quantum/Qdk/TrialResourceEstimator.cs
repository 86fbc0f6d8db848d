using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Plugins.Quantum.Qdk;

/// <summary>
/// Resource estimates as trial metrics: after a trial trains its circuit, the trained circuit goes to the Azure
/// Quantum Resource Estimator (Microsoft's qsharp-lang, one Node process per trial, 1-15 s) and its headline
/// numbers become metrics a multi-objective search can trade against the energy error. They are metrics of the
/// evaluation, not free statistics of the space, because strategies read free statistics of every candidate they
/// screen (a predictor scores thousands) and an estimate costs a process start. The full result is kept in the
/// trial's folder as <see cref="EstimateFileName"/>, where the report and dashboard show it.
/// </summary>
public sealed class TrialResourceEstimator
{
    /// <summary>The file the estimate is saved to in the trial's folder (the one `nas quantum estimate` writes).</summary>
    public const string EstimateFileName = "qdk-estimates.json";

    private readonly JObject _jobParams;
    private readonly QdkBridge _bridge;

    /// <summary>Checks the options and finds (or installs) the QDK now, so a missing Node.js is a configuration error before any trial.</summary>
    /// <exception cref="Abstractions.Plugins.ComponentConfigurationException">An option the estimator would refuse.</exception>
    /// <exception cref="Abstractions.NasConfigurationException">Node.js or the pinned qsharp-lang is missing and cannot be installed.</exception>
    public TrialResourceEstimator(ResourceEstimateOptions options, Func<QdkBridge>? bridge = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _jobParams = options.ToJobParams();
        _bridge = (bridge ?? QdkBridge.Default)();
    }

    /// <summary>The estimator's settings.</summary>
    public ResourceEstimateOptions Options { get; }

    /// <summary>The metrics every estimate adds, declared ahead.</summary>
    public static IReadOnlyList<string> MetricNames { get; } = ["ft_logical_qubits", "ft_physical_qubits", "ft_runtime_us", "ft_t_states"];

    /// <summary>Estimates the trained <paramref name="circuit"/>, saves the full result in <paramref name="folder"/> and returns its metrics.</summary>
    /// <exception cref="InvalidOperationException">The estimator failed on this circuit (the trial fails with its message).</exception>
    public IReadOnlyDictionary<string, double> Estimate(Circuit circuit, IReadOnlyList<double> parameters, string folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentNullException.ThrowIfNull(parameters);
        var source = QSharpExporter.Export(circuit, parameters, "NasPlatform.Found", "PrepareFoundState", ["Found by NasPlatform: a trial's trained circuit."]);
        var request = new JObject { ["op"] = "estimate", ["source"] = source, ["expr"] = string.Empty, ["params"] = new JArray(_jobParams.DeepClone()) };
        var answer = _bridge.RunOne(request, "circuit.qs", cancellationToken);
        var raw = (JObject)((JArray)answer["estimates"]!)[0];
        var estimate = ResourceEstimate.Parse(raw);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, EstimateFileName), raw.ToString(Formatting.Indented));
        return Metrics(estimate);
    }

    /// <summary>The metrics of one estimate.</summary>
    public static IReadOnlyDictionary<string, double> Metrics(ResourceEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        return new Dictionary<string, double>
        {
            ["ft_logical_qubits"] = estimate.LogicalQubits,
            ["ft_physical_qubits"] = estimate.PhysicalQubits,
            ["ft_runtime_us"] = estimate.RuntimeNanoseconds / 1e3,
            ["ft_t_states"] = estimate.TStates,
        };
    }
}
