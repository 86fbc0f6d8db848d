using Newtonsoft.Json;
using NasPlatform.Abstractions.Candidates;

namespace NasPlatform.Plugins.Eda.Spaces;

/// <summary>
/// A routability-prediction network (Chang et al. ICCAD 2021 style encoder-decoder FCN) with its recipe:
/// encoder stages, decoder up-sampling (nearest, bilinear, transposed convolution) and kernel, a head
/// that pools the bottleneck (global average and max) into the failed-net ratio, and a decoder that
/// outputs a hotspot logit per tile.
/// </summary>
public sealed record RoutabilityNet(
    [property: JsonProperty("stages")] IReadOnlyList<EncoderStage> Stages,
    [property: JsonProperty("upsample")] string Upsample,
    [property: JsonProperty("decoderKernel")] int DecoderKernel,
    [property: JsonProperty("recipe")] TrainingRecipe Recipe)
{
    public Candidate ToCandidate() => Candidate.FromObject(this);

    public static RoutabilityNet From(Candidate candidate) => candidate.ToObject<RoutabilityNet>();
}
