using NasPlatform.Abstractions.Plugins;

namespace NasPlatform.Plugins.Quantum.Tasks.Vqe;

/// <summary>The "vqe" task: ground-state energy of a Pauli-sum Hamiltonian.</summary>
public sealed class VqeTaskFactory : IVariationalTaskFactory
{
    /// <inheritdoc />
    public string Name => "vqe";

    /// <inheritdoc />
    public string Description =>
        "VQE: trains each circuit to minimize <H> for a Pauli-sum Hamiltonian (inline, file, tfim/heisenberg/h2 built-ins) or a molecule (psi4 or an .fcidump; jordan-wigner/parity/bravyi-kitaev, tapering); reports energy, energy_error against exact Lanczos (in the molecule's electron-count sector), and ground-state fidelity.";

    /// <inheritdoc />
    public string OptionsSchema => $$"""
        { "type": "object", "properties": {{HamiltonianOptions.Properties}} }
        """;

    /// <inheritdoc />
    public IVariationalTask Create(ComponentContext context) => new VqeTask(HamiltonianOptions.Parse(context));
}
