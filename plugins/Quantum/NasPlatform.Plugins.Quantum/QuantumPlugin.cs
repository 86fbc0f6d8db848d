using NasPlatform.Plugins.Quantum.Views;
using NasPlatform.Abstractions;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Plugins.Quantum.Evaluation;
using NasPlatform.Plugins.Quantum.Excitation;
using NasPlatform.Plugins.Quantum.Strategies;
using NasPlatform.Plugins.Quantum.Spaces;
using NasPlatform.Plugins.Quantum.Tasks;

namespace NasPlatform.Plugins.Quantum;

/// <summary>Quantum architecture search: circuit search spaces and variational evaluators.</summary>
public sealed class QuantumPlugin : INasPlugin
{
    /// <summary>The plugin id used in experiment files.</summary>
    public const string Id = "quantum";

    public PluginDescription Describe() => new(Id, "0.1.0", ContractVersion.Text,
        "Parameterized quantum circuits for variational algorithms (VQE, quantum classifiers), on NasPlatform's own state-vector simulator.");

    public void Register(IPluginRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddSearchSpace<LayerwiseSpaceOptions>(
            LayerwiseSpace.Name,
            "Layer-wise circuits (Zhang et al. 2021): per layer and qubit a rotation, per layer an entangler along the coupling map.",
            LayerwiseSpace.Create);
        registry.AddSearchSpace<GatewiseSpaceOptions>(
            GatewiseSpace.Name,
            "Gate-wise circuits: up to maxGates rotations and CNOT/CZ on coupled pairs.",
            GatewiseSpace.Create);

        registry.AddSearchSpace<ExcitationSpaceOptions>(
            ExcitationSpace.Name,
            "Chemistry-aware circuits: ordered excitation operators (fermionic singles/doubles or qubit-ADAPT Pauli strings) on the Hartree-Fock state, exact CNOT-ladder decompositions.",
            ExcitationSpace.Create);
        registry.AddStrategy(new AdaptVqeFactory());
        registry.AddStrategy(new UccsdStrategyFactory());

        // Each task is an evaluator of its own name, and a choice of the generic evaluator's "task" option.
        foreach (var task in VariationalTaskRegistry.All)
        {
            task.AddEvaluator(registry);
        }

        registry.AddEvaluator<VariationalGenericOptions>(
            VariationalEvaluator.GenericName,
            $"Trains circuits on the variational task named by \"task\" ({string.Join(", ", VariationalTaskRegistry.All.Select(t => t.Name))}); fidelities s<steps>x<restarts>.",
            VariationalEvaluator.CreateGeneric);
        registry.AddTrialViews(new QuantumTrialViews());
        registry.AddCommand(Commands.ExportCircuitCommand.Declaration);
        registry.AddCommand(Commands.EstimateCommand.Declaration);
        registry.AddCommand(Commands.QasmCommand.Declaration);
        registry.AddCommand(Commands.CurveCommand.Declaration);
    }
}
