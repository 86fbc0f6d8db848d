using NasPlatform.Abstractions;
using NasPlatform.Abstractions.Plugins;

namespace HelloPlugin;

/// <summary>
/// The plugin's entry point. The host creates it with this parameterless constructor, checks
/// <see cref="Describe"/> against plugin.json, then calls <see cref="Register"/>.
/// </summary>
public sealed class HelloNasPlugin : INasPlugin
{
    public PluginDescription Describe() => new(
        Id: "hello",
        Version: "0.1.0",
        // A const: the compiler bakes in the contract version this plugin was built against.
        ContractVersion: ContractVersion.Text,
        Description: "A minimal third-party plugin: rows of digits scored by closeness to a target.");

    public void Register(IPluginRegistry registry)
    {
        // Options are records (DigitsOptions, TargetOptions): the host generates their JSON Schema, validates the
        // experiment file against it (errors at file:line:col) and hands the factory the bound record.
        registry.AddSearchSpace<DigitsOptions>(
            "digits",
            "Rows of decimal digits (10^length candidates); free statistics: sum, distinct.",
            (options, _) => new DigitSpace(options.Length));

        registry.AddEvaluator<TargetOptions>(
            "target",
            "Closeness to a target row of digits (score 0-1, distance, matches); fidelities quick and full.",
            TargetEvaluator.Create);

        // A strategy every experiment may name, and a `nas` command: the same door as spaces and evaluators.
        registry.AddStrategy(new HillClimbFactory());
        registry.AddCommand(SampleCommand.Declaration);
    }
}
