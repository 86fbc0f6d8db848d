using NasPlatform.Plugins.Vision.Views;
using NasPlatform.Abstractions;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Plugins.Vision.Dna;
using NasPlatform.Plugins.Vision.Evaluation;
using NasPlatform.Plugins.Vision.Spaces;

namespace NasPlatform.Plugins.Vision;

/// <summary>Compact image classifiers: the MBConv space with a joint training recipe, the baselines, and a TorchSharp trainer.</summary>
public sealed class VisionPlugin : INasPlugin
{
    public const string Id = "vision";

    /// <summary>The plugin's version, also written into exported models.</summary>
    public const string Version = "0.1.0";

    public PluginDescription Describe() => new(Id, Version, ContractVersion.Text,
        "Compact image classifiers (FBNetV3-style MBConv networks searched jointly with their training recipe; LeNet-5, 2-conv, ResNet and MobileNetV2-like baselines), trained with TorchSharp.");

    public void Register(IPluginRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddSearchSpace<MbConvOptions>(MbConvSpace.Name,
            "FBNetV3-style MBConv networks for small images (stem; per stage depth, width, stride, expansion, kernel, SE, ReLU/h-swish, and with the blocks option MBConv or Fused-MBConv; head) with the training recipe searched jointly.",
            MbConvSpace.Create);
        registry.AddSearchSpace<BaselineOptions>(BaselineSpace.Name,
            "LeNet-5, a 2-conv net under 100k parameters, a small ResNet and a MobileNetV2-like net, with the default recipe.",
            BaselineSpace.Create);
        registry.AddEvaluator<TrainEvaluatorOptions>(VisionEvaluator.Name,
            "Trains with TorchSharp at EcoNAS fidelities (channels c, resolution r, samples s, epochs e); validation accuracy on a held-out split; `nas train-final` reports test accuracy.",
            VisionEvaluator.Create);
        registry.AddSearchSpace<DnaBlockOptions>(DnaBlockSpace.Name,
            "DNA block-wise search: a teacher block's index and the MBConv stage that replaces it (depth, expansion, kernel, SE, activation at the teacher's width); `nas combine` assembles one stage per block.",
            DnaBlockSpace.Create);
        registry.AddEvaluator<DnaRatingEvaluatorOptions>(DnaEvaluator.Name,
            "DNA rating: a stage learns to reproduce its teacher block's output from its input (MSE); metric rating = relative validation MSE (minimize). The teacher is trained once and cached; final training takes the assembled network.",
            DnaEvaluator.Create);
        registry.AddTrialViews(new VisionTrialViews());
        registry.AddCommand(Commands.ExportModelCommand.Declaration);
    }
}
