using NasPlatform.Abstractions.Plugins;

namespace NasPlatform.Plugins.Quantum.Tasks.Vqe;

/// <summary>The "vqe" task: ground-state energy of a Pauli-sum Hamiltonian.</summary>
public sealed class VqeTaskFactory : VariationalTaskFactory<VqeEvaluatorOptions>
{
    /// <summary>The task's name.</summary>
    public const string TaskName = "vqe";

    /// <inheritdoc />
    public override string Name => TaskName;

    /// <inheritdoc />
    public override string Description =>
        "VQE: trains each circuit to minimize <H> for a Pauli-sum Hamiltonian (inline, file, tfim/heisenberg/h2 built-ins) or a molecule (psi4 or an .fcidump; jordan-wigner/parity/bravyi-kitaev, tapering); reports energy, energy_error against exact Lanczos (in the molecule's electron-count sector), and ground-state fidelity.";

    /// <inheritdoc />
    public override IVariationalTask Create(VqeEvaluatorOptions options, ComponentContext context) => new VqeTask(HamiltonianOptions.Parse(options, context)) { Cache = context.Cache, Precision = options.SimulatorPrecision() };
}
