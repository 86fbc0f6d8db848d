namespace NasPlatform.Plugins.Quantum.Qdk;

/// <summary>Microsoft's compiler rejected a program; the message holds its diagnostics as FILE:LINE:COLUMN: message (code).</summary>
public sealed class QdkCompileException : Exception
{
    public QdkCompileException()
    {
    }

    public QdkCompileException(string message)
        : base(message)
    {
    }

    public QdkCompileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
