namespace NasPlatform.Torch;

/// <summary>
/// TorchSharp's native library cannot be used in this process. The message names the library, the cause
/// (for example a missing GLIBCXX symbol version) and the fix; it replaces TorchSharp's own
/// <see cref="NotSupportedException"/>, which blames a missing package reference whatever the cause.
/// </summary>
public sealed class TorchUnavailableException : Exception
{
    /// <summary>Creates the exception with a message that explains the cause and the fix.</summary>
    public TorchUnavailableException(string message, string? libraryPath = null, Exception? innerException = null)
        : base(message, innerException)
    {
        LibraryPath = libraryPath;
    }

    /// <summary>The native library that failed to load, or null when none was found.</summary>
    public string? LibraryPath { get; }
}
