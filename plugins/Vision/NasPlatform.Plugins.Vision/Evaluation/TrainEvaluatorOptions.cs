using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using NasPlatform.Abstractions.Options;
using NasPlatform.Plugins.Vision.Spaces;

namespace NasPlatform.Plugins.Vision.Evaluation;

/// <summary>Options of the <c>train</c> evaluator as an experiment file gives them: the data, the EcoNAS fidelities, latency and device.</summary>
public sealed record TrainEvaluatorOptions : VisionDataOptions
{
    /// <summary>EcoNAS reduction factors, cheapest first; the last is the search's full fidelity.</summary>
    [Description("EcoNAS reduction factors, cheapest first; the last is the search's full fidelity.")]
    [MinLength(1)]
    public IReadOnlyList<EcoNasFidelityOptions> Fidelities { get; init; } = [.. EcoNasFidelity.DefaultLadder.Select(EcoNasFidelityOptions.Of)];

    /// <summary>Also measure CPU inference latency of the full-size network as latency_ms.</summary>
    [Description("Also measure CPU inference latency (ms, batch 1) of the full-size network as metric latency_ms.")]
    public bool Latency { get; init; }

    /// <summary>Where networks train: cpu, cuda, cuda:N or auto.</summary>
    [Description("Where networks train: cpu, cuda or cuda:N (GPU N; needs a CUDA LibTorch, see docs/gpu.md), or auto (a GPU when there is one). Several workers share one GPU.")]
    [SchemaFragment(VisionSchemas.Device)]
    public string Device { get; init; } = "cpu";
}
