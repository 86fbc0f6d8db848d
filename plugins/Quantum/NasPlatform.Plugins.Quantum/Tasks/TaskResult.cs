using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Plugins.Quantum.Tasks;

/// <summary>What a task measured after training.</summary>
/// <param name="Metrics">Named metrics (for VQE: energy, energy_error, fidelity); finite values only.</param>
/// <param name="Parameters">The best parameters found, indexed like <paramref name="Circuit"/>'s parameters.</param>
/// <param name="Circuit">
/// The circuit to export as the trial's artifact, with <paramref name="Parameters"/> bound: the ansatz
/// with whatever the task runs before it (for VQE the initial-state preparation).
/// </param>
/// <param name="Convergence">The training loss (for VQE the energy) by optimizer step of the winning restart; empty when not trained.</param>
/// <param name="Problem">Where the task's problem came from (for molecules: psi4 version, input hash, FCIDUMP, mapping), recorded in parameters.json; null when there is nothing to say.</param>
public sealed record TaskResult(IReadOnlyDictionary<string, double> Metrics, double[] Parameters, Circuit Circuit, IReadOnlyList<double> Convergence,
    IReadOnlyDictionary<string, string>? Problem = null);
