namespace NasPlatform.Abstractions;

/// <summary>
/// Bad input from a user: an experiment file, a plugin option, a store that does not hold the
/// named experiment. The CLI prints <see cref="Exception.Message"/> and exits with code 2.
/// Messages name the file, the place in it (line, column, JSON path) and the fix.
/// </summary>
public sealed class NasConfigurationException : Exception
{
    /// <summary>A configuration error described by <paramref name="message"/>.</summary>
    public NasConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>A configuration error described by <paramref name="message"/>, caused by <paramref name="inner"/>.</summary>
    public NasConfigurationException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
