using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Plugins.Quantum.Qdk;

namespace NasPlatform.Plugins.Quantum.Commands;

/// <summary>
/// `nas quantum estimate EXP --trial N`: runs the Azure Quantum Resource Estimator (in Microsoft's qsharp-lang)
/// on the found circuit exported as Q#, and prints what running it fault-tolerantly would take: logical and
/// physical qubits, run time, and the T factories' share. The estimate is also saved beside the trial's
/// artifacts (<c>qdk-estimates.json</c>), where the report and dashboard show it next to the circuit.
/// </summary>
internal static class EstimateCommand
{
    /// <summary>The estimator's predefined qubit models.</summary>
    public static readonly IReadOnlyList<string> QubitModels = ResourceEstimateOptions.QubitModels;

    /// <summary>The estimator's error-correction schemes.</summary>
    public static readonly IReadOnlyList<string> QecSchemes = ResourceEstimateOptions.QecSchemes;

    /// <summary>The file the estimate is saved to, in the trial's artifact folder.</summary>
    public const string FileName = TrialResourceEstimator.EstimateFileName;

    public static PluginCommand Declaration { get; } = new(
        "quantum",
        "estimate",
        "Resource estimates of a found circuit (Azure Quantum Resource Estimator): logical and physical qubits, run time, T factories.",
        [FoundTrialInput.Experiment],
        [
            FoundTrialInput.Trial,
            new("qubit-model", "MODEL", $"Physical qubit model: {string.Join(", ", QubitModels)}. Default qubit_gate_ns_e3."),
            new("error-budget", "E", "Total error budget, between 0 and 1. Default 0.001."),
            new("qec-scheme", "SCHEME", "Error-correction scheme: surface_code (default), or floquet_code (Majorana models only)."),
            new("json", null, "Print the estimator's full result as JSON."),
            FoundTrialInput.ExperimentName,
        ],
        [
            "quantum estimate examples/quantum/tfim-8.json --trial 12",
            "quantum estimate examples/quantum/h2.json --trial 3 --qubit-model qubit_maj_ns_e4 --qec-scheme floquet_code --error-budget 0.01",
        ],
        RunAsync);

    private static Task<int> RunAsync(PluginCommandInvocation command, CancellationToken cancellationToken)
    {
        var parameters = Parameters(command);
        var (trial, found, title, _) = FoundTrialInput.Read(command);
        var source = ExportCircuitCommand.QSharpSource(command, found, title);
        command.Error.WriteLine($"{title}: {found.Circuit.NumQubits} qubits, {found.Circuit.Ops.Count} gates; running the Resource Estimator (qsharp-lang)");
        var request = new JObject { ["op"] = "estimate", ["source"] = source, ["expr"] = string.Empty, ["params"] = new JArray(parameters) };
        JObject answer;
        try
        {
            answer = QdkBridge.Default().RunOne(request, "circuit.qs", cancellationToken);
        }
        catch (QdkCompileException e)
        {
            throw new NasConfigurationException($"The Resource Estimator refused these settings or the circuit:\n{e.Message}");
        }

        var raw = (JObject)((JArray)answer["estimates"]!)[0];
        ResourceEstimate estimate;
        try
        {
            estimate = ResourceEstimate.Parse(raw);
        }
        catch (InvalidOperationException e)
        {
            throw new NasConfigurationException(e.Message);
        }

        var saved = Save(trial, raw);
        if (command.Has("json"))
        {
            command.Output.WriteLine(raw.ToString(Formatting.Indented));
        }
        else
        {
            command.Output.WriteLine($"Resource estimates for {title} ({found.Circuit.NumQubits} qubits):");
            foreach (var (name, value) in estimate.Lines())
            {
                command.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-16} {value}"));
            }
        }

        command.Error.WriteLine(saved is null ? "(the trial's folder is not writable: the estimate was not saved for the report)" : $"saved to {saved}");
        return Task.FromResult(0);
    }

    private static JObject Parameters(PluginCommandInvocation command)
    {
        var model = command.Value("qubit-model") ?? QubitModels[0];
        if (!QubitModels.Contains(model))
        {
            throw new NasConfigurationException($"--qubit-model {model}: use one of {string.Join(", ", QubitModels)}.");
        }

        var budgetText = command.Value("error-budget") ?? "0.001";
        if (!double.TryParse(budgetText, NumberStyles.Float, CultureInfo.InvariantCulture, out var budget) || budget is <= 0 or >= 1)
        {
            throw new NasConfigurationException($"--error-budget {budgetText}: give a number between 0 and 1 (exclusive), e.g. 0.001.");
        }

        var scheme = command.Value("qec-scheme");
        if (scheme is not null && !QecSchemes.Contains(scheme))
        {
            throw new NasConfigurationException($"--qec-scheme {scheme}: use one of {string.Join(", ", QecSchemes)}.");
        }

        // The job parameters are written once, by the options the evaluators' resourceEstimate option binds to.
        try
        {
            return new ResourceEstimateOptions { QubitModel = model, ErrorBudget = budget, QecScheme = scheme }.ToJobParams();
        }
        catch (ComponentConfigurationException e)
        {
            throw new NasConfigurationException($"--qec-scheme {scheme}: {e.Message}");
        }
    }

    /// <summary>Saves the estimate beside the trial's parameters.json; null when that folder cannot be written.</summary>
    private static string? Save(Abstractions.Views.TrialViewRequest trial, JObject raw)
    {
        var folder = Path.GetDirectoryName(trial.Artifacts.First(a => a.Name == "parameters").Path)!;
        var path = Path.Combine(folder, FileName);
        try
        {
            File.WriteAllText(path, raw.ToString(Formatting.Indented));
            return path;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return null;
        }
    }
}
