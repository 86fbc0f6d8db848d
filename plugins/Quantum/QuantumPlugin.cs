using NasPlatform.Abstractions;
using NasPlatform.Abstractions.Plugins;

namespace NasPlatform.Plugins.Quantum;

/// <summary>Quantum architecture search: circuit search spaces and variational evaluators.</summary>
public sealed class QuantumPlugin : INasPlugin
{
    public PluginDescription Describe() => new("quantum", "0.1.0", ContractVersion.Text,
        "Parameterized quantum circuits for variational algorithms (VQE, quantum classifiers), on NasPlatform's own state-vector simulator.");

    public void Register(IPluginRegistry registry)
    {
        // Search spaces and evaluators are registered here as they land.
    }
}
