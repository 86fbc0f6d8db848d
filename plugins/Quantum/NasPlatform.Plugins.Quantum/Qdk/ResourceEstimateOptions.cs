using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Plugins;

namespace NasPlatform.Plugins.Quantum.Qdk;

/// <summary>
/// The Azure Quantum Resource Estimator's settings for the estimates a variational evaluator reports with every
/// trial (its <c>resourceEstimate</c> option): the physical qubit model, the error budget and the error-correction
/// scheme, as <c>nas quantum estimate</c> takes them.
/// </summary>
public sealed record ResourceEstimateOptions
{
    /// <summary>The estimator's predefined qubit models.</summary>
    public static readonly IReadOnlyList<string> QubitModels =
        ["qubit_gate_ns_e3", "qubit_gate_ns_e4", "qubit_gate_us_e3", "qubit_gate_us_e4", "qubit_maj_ns_e4", "qubit_maj_ns_e6"];

    /// <summary>The estimator's error-correction schemes.</summary>
    public static readonly IReadOnlyList<string> QecSchemes = ["surface_code", "floquet_code"];

    /// <summary>The physical qubit model.</summary>
    [Description("Physical qubit model of the Resource Estimator.")]
    [AllowedValues("qubit_gate_ns_e3", "qubit_gate_ns_e4", "qubit_gate_us_e3", "qubit_gate_us_e4", "qubit_maj_ns_e4", "qubit_maj_ns_e6")]
    public string QubitModel { get; init; } = "qubit_gate_ns_e3";

    /// <summary>The total error budget.</summary>
    [Description("Total error budget of the fault-tolerant run, between 0 and 1.")]
    [Range(0.0, 1.0, MinimumIsExclusive = true, MaximumIsExclusive = true)]
    public double ErrorBudget { get; init; } = 0.001;

    /// <summary>The error-correction scheme; left out, the estimator's default for the model (surface_code).</summary>
    [Description("Error-correction scheme: surface_code, or floquet_code (Majorana qubit models only).")]
    [AllowedValues("surface_code", "floquet_code")]
    public string? QecScheme { get; init; }

    /// <summary>The estimator's job parameters.</summary>
    /// <exception cref="ComponentConfigurationException">A value the estimator would refuse (Floquet codes on gate-based qubits).</exception>
    public JObject ToJobParams()
    {
        if (!QubitModels.Contains(QubitModel))
        {
            throw new ComponentConfigurationException("resourceEstimate.qubitModel", $"Unknown qubit model \"{QubitModel}\"; use one of {string.Join(", ", QubitModels)}.");
        }

        if (ErrorBudget is not (> 0 and < 1))
        {
            throw new ComponentConfigurationException("resourceEstimate.errorBudget", $"The error budget {ErrorBudget} is not between 0 and 1 (exclusive); e.g. 0.001.");
        }

        var job = new JObject { ["qubitParams"] = new JObject { ["name"] = QubitModel }, ["errorBudget"] = ErrorBudget };
        if (QecScheme is { } scheme)
        {
            if (!QecSchemes.Contains(scheme))
            {
                throw new ComponentConfigurationException("resourceEstimate.qecScheme", $"Unknown scheme \"{scheme}\"; use one of {string.Join(", ", QecSchemes)}.");
            }

            if (scheme == "floquet_code" && !QubitModel.StartsWith("qubit_maj", StringComparison.Ordinal))
            {
                throw new ComponentConfigurationException("resourceEstimate.qecScheme",
                    $"floquet_code needs a Majorana qubit model (qubit_maj_ns_e4 or qubit_maj_ns_e6), not {QubitModel}; use surface_code or change qubitModel.");
            }

            job["qecScheme"] = new JObject { ["name"] = scheme };
        }

        return job;
    }
}
