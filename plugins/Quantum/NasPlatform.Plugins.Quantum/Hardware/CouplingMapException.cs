namespace NasPlatform.Plugins.Quantum.Hardware;

/// <summary>A coupling map cannot be built; the message says which edge or group of qubits is wrong.</summary>
public sealed class CouplingMapException : Exception
{
    public CouplingMapException(string message)
        : base(message)
    {
    }
}
