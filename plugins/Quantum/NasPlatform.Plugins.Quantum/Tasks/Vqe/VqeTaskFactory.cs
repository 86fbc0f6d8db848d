using NasPlatform.Abstractions.Plugins;

namespace NasPlatform.Plugins.Quantum.Tasks.Vqe;

/// <summary>The "vqe" task: ground-state energy of a Pauli-sum Hamiltonian.</summary>
public sealed class VqeTaskFactory : IVariationalTaskFactory
{
    /// <inheritdoc />
    public string Name => "vqe";

    /// <inheritdoc />
    public string Description =>
        "VQE: trains each circuit to minimize <H> for a Pauli-sum Hamiltonian (inline, file, or tfim/heisenberg/h2 built-ins); reports energy, energy_error against exact Lanczos, and ground-state fidelity.";

    /// <inheritdoc />
    public string OptionsSchema => $$"""
        { "type": "object", "properties": {{HamiltonianOptions.Properties}} }
        """;

    /// <inheritdoc />
    public IVariationalTask Create(ComponentContext context) => new VqeTask(HamiltonianOptions.Parse(context));
}
