using NasPlatform.Plugins.Quantum.Circuits;

namespace NasPlatform.Plugins.Quantum.Spaces;

/// <summary>A circuit candidate read from its JSON: what every circuit space checks and measures it by.</summary>
public interface ICircuitArchitecture
{
    /// <summary>Register size.</summary>
    int Qubits { get; }

    /// <summary>The gate list the simulator runs.</summary>
    AnsatzCircuit ToAnsatz();
}
