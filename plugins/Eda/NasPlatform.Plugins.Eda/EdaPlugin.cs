using NasPlatform.Plugins.Eda.Views;
using NasPlatform.Abstractions;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Plugins.Eda.Commands;
using NasPlatform.Plugins.Eda.Evaluation;
using NasPlatform.Plugins.Eda.Spaces;

namespace NasPlatform.Plugins.Eda;

/// <summary>
/// Routability prediction: a search space of encoder-decoder CNNs (with the RouteNet-like and plain-CNN
/// baselines as points in it) and an evaluator that trains them on placements labelled by qrouter
/// (datasets from `nas eda dataset`) and scores them on held-out designs.
/// </summary>
public sealed class EdaPlugin : INasPlugin
{
    public const string Id = "eda";

    public const string Version = "0.1.0";

    public PluginDescription Describe() => new(
        Id,
        Version,
        ContractVersion.Text,
        "Routability-prediction networks for placements routed by qflow/qrouter: encoder-decoder FCN search space and a held-out-design evaluator (Kendall tau, hotspot ROC-AUC).");

    public void Register(IPluginRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddSearchSpace<RoutabilitySpaceOptions>(
            RoutabilitySpace.Name,
            "Encoder-decoder FCNs (stages: width, kernel, dilation, convs, pooling or strided conv, skip; decoder up-sampling and kernel) with their training recipe.",
            RoutabilitySpace.Create);
        registry.AddEvaluator<RoutabilityEvaluatorOptions>(
            RoutabilityEvaluator.Name,
            "Trains on the training designs of an EDA dataset; scores Kendall tau of the failed-net ratio and hotspot ROC-AUC on validation and test designs.",
            RoutabilityEvaluator.Create);
        registry.AddCommand(DatasetCommand.Declaration);
        registry.AddCommand(LabelsCommand.Declaration);
        registry.AddCommand(ExportModelCommand.Declaration);
        registry.AddTrialViews(new EdaTrialViews());
    }
}
