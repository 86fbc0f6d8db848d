namespace NasPlatform.Abstractions.Plugins;

/// <summary>
/// Thrown by a component factory when its options are valid JSON but unusable (a missing data
/// file, a malformed table). The engine reports it as a configuration error (exit code 2),
/// naming the option; the message should say what to fix.
/// </summary>
public sealed class ComponentConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="optionPath">JSON path of the offending option inside the options object, e.g. "table".</param>
    /// <param name="message">What is wrong and how to fix it.</param>
    public ComponentConfigurationException(string optionPath, string message)
        : base(message)
    {
        OptionPath = optionPath;
    }

    /// <summary>Creates the exception with an inner cause.</summary>
    public ComponentConfigurationException(string optionPath, string message, Exception inner)
        : base(message, inner)
    {
        OptionPath = optionPath;
    }

    /// <summary>JSON path of the offending option inside the options object.</summary>
    public string OptionPath { get; }
}
