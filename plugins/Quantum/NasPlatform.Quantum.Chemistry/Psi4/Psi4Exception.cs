namespace NasPlatform.Quantum.Chemistry.Psi4;

/// <summary>psi4 could not be run, or failed; the message says why and what to do.</summary>
public class Psi4Exception : Exception
{
    public Psi4Exception(string message, string? errorLine = null, string? logPath = null)
        : base(message)
    {
        ErrorLine = errorLine;
        LogPath = logPath;
    }

    /// <summary>psi4's own error line (for example "BasisSetNotFound: …"), when it printed one.</summary>
    public string? ErrorLine { get; }

    /// <summary>psi4's output file of the failed run, kept for reading, when there is one.</summary>
    public string? LogPath { get; }
}
