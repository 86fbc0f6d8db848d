using Newtonsoft.Json;

namespace NasPlatform.Plugins.Eda.Spaces;

/// <summary>
/// One encoder stage at one resolution: <see cref="Convs"/> convolutions (kernel, dilation, width) with
/// batch norm and ReLU, then a 2x down-sampling (max or average pooling, or a stride-2 3x3 convolution);
/// <see cref="Skip"/> says how its output reaches the decoder level of the same resolution (none, add, concat).
/// </summary>
public sealed record EncoderStage(
    [property: JsonProperty("width")] int Width,
    [property: JsonProperty("kernel")] int Kernel,
    [property: JsonProperty("dilation")] int Dilation,
    [property: JsonProperty("convs")] int Convs,
    [property: JsonProperty("down")] string Down,
    [property: JsonProperty("skip")] string Skip);
