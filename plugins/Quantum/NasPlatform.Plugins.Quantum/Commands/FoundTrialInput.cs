using System.Globalization;
using NasPlatform.Abstractions;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Abstractions.Views;
using NasPlatform.Plugins.Quantum.Qdk;

namespace NasPlatform.Plugins.Quantum.Commands;

/// <summary>What `nas quantum export-circuit` and `nas quantum estimate` share: EXP, --trial N, --experiment NAME.</summary>
internal static class FoundTrialInput
{
    public static readonly PluginCommandArgument Experiment = new("EXP", "The experiment file (.json) or its store (.db).");

    public static readonly PluginCommandOption Trial = new("trial", "N", "The trial whose trained circuit to use (`nas status EXP` lists them). Required.");

    public static readonly PluginCommandOption ExperimentName = new("experiment", "NAME", "The experiment, when the store holds several.");

    /// <summary>The trial the command line names, its trained circuit, and a title ("trial 12 of 'tfim-8'").</summary>
    public static (TrialViewRequest Trial, FoundCircuit Circuit, string Title, int Number) Read(PluginCommandInvocation command)
    {
        var text = command.Value(Trial.Name) ?? throw new NasConfigurationException(
            $"Name the trial: --trial N (`nas status {command.Arguments[0]}` lists the trials; the best is marked).");
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) || number < 0)
        {
            throw new NasConfigurationException($"--trial {text}: a trial number is a whole number >= 0 (`nas status {command.Arguments[0]}` lists them).");
        }

        var trials = command.Trials ?? throw new InvalidOperationException("This host gives plugin commands no access to stored trials (contract 2.0 or newer needed).");
        var trial = trials.Read(command.Arguments[0], command.Value(ExperimentName.Name), number);
        var experiment = Path.GetFileNameWithoutExtension(command.Arguments[0]);
        return (trial, FoundCircuit.Read(trial), $"trial {number} of {experiment}", number);
    }

    /// <summary>A Q# namespace from the experiment's name ("tfim-8" -> "NasPlatform.Found.Tfim8").</summary>
    public static string NamespaceFor(string experimentArgument)
    {
        var name = Path.GetFileNameWithoutExtension(experimentArgument);
        var parts = name.Split(['-', '_', '.', ' '], StringSplitOptions.RemoveEmptyEntries)
            .Select(p => new string(p.Where(char.IsAsciiLetterOrDigit).ToArray()))
            .Where(p => p.Length > 0)
            .Select(p => char.ToUpperInvariant(p[0]) + p[1..]);
        var joined = string.Concat(parts);
        return "NasPlatform.Found." + (joined.Length == 0 || char.IsAsciiDigit(joined[0]) ? "E" + joined : joined);
    }
}
