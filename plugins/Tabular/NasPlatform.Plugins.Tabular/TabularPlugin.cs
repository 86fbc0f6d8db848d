using NasPlatform.Abstractions;
using NasPlatform.Abstractions.Options;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Plugins.Tabular.Lookup;
using NasPlatform.Plugins.Tabular.Nb201;

namespace NasPlatform.Plugins.Tabular;

/// <summary>
/// Tabular benchmarks: search spaces whose every candidate has a precomputed result, and an
/// evaluator that looks results up, so strategies can be compared in seconds.
/// </summary>
public sealed class TabularPlugin : INasPlugin
{
    /// <summary>The plugin id used in experiment files.</summary>
    public const string Id = "tabular";

    /// <inheritdoc />
    public PluginDescription Describe() => new(
        Id,
        "0.1.0",
        ContractVersion.Text,
        "Search spaces and evaluators over lookup tables of precomputed results (NAS-Bench-201), for benchmarking strategies in seconds.");

    /// <inheritdoc />
    public void Register(IPluginRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddSearchSpace<NoOptions>(
            Nb201SearchSpace.Name,
            "NAS-Bench-201 cell: 6 edges, each one of none, skip_connect, nor_conv_1x1, nor_conv_3x3, avg_pool_3x3 (15,625 cells).",
            (_, _) => new Nb201SearchSpace());
        registry.AddEvaluator<LookupOptions>(
            LookupEvaluator.Name,
            "Looks a NAS-Bench-201 cell up in a CSV table of precomputed test accuracies (index,arch,test_accuracy).",
            LookupEvaluator.Create);
    }
}
