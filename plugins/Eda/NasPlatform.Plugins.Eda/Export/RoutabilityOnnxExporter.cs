using System.Globalization;
using NasPlatform.Onnx;
using NasPlatform.Plugins.Eda.Models;
using NasPlatform.Plugins.Eda.Spaces;
using Onnx;
using static NasPlatform.Onnx.OnnxGraph;

namespace NasPlatform.Plugins.Eda.Export;

/// <summary>
/// Writes a trained routability network (<see cref="RoutabilityModel"/>) as an ONNX model for ONNX Runtime or ML.NET.
/// The graph follows the <see cref="RoutabilityNet"/> the model was built from: the input scaling of its training
/// split (<see cref="FeatureScaling"/>), the encoder stages (convolutions with their kernel and dilation, batch
/// normalization with its running statistics, ReLU) each followed by its down-sampling (max or average pooling, or
/// the stride-2 convolution), the head that pools the bottleneck (global average and max) into the failed-net ratio,
/// and the decoder (nearest, bilinear or transposed-convolution up-sampling, skips added or concatenated) into the
/// hotspot map. Input <see cref="InputName"/>: float [batch, channels, grid, grid], the feature maps as `nas eda`
/// extracts them (unscaled). Outputs: <see cref="RatioLogitName"/> [batch] and <see cref="HotspotLogitsName"/>
/// [batch, grid, grid] (what the TorchSharp model gives), and their sigmoids <see cref="RatioName"/> (the predicted
/// first-pass failed-net ratio) and <see cref="HotspotName"/> (per-tile hotspot probability).
/// </summary>
public static class RoutabilityOnnxExporter
{
    public const string InputName = "features";

    public const string RatioLogitName = "ratio_logit";

    public const string HotspotLogitsName = "hotspot_logits";

    public const string RatioName = "failed_net_ratio";

    public const string HotspotName = "hotspot_probability";

    /// <summary>ONNX operator set 17, as the vision export (Shape's start/end need 15); ONNX Runtime has run it since 1.11.</summary>
    public const int Opset = 17;

    /// <summary>Writes <paramref name="path"/>; see <see cref="Build"/>.</summary>
    public static void Write(string path, RoutabilityNet net, RoutabilityModel model, FeatureScaling scaling) =>
        OnnxGraph.Write(path, Build(net, model, scaling));

    /// <summary>The ONNX model of <paramref name="model"/>, built from <paramref name="net"/> and trained on inputs scaled by <paramref name="scaling"/>.</summary>
    public static ModelProto Build(RoutabilityNet net, RoutabilityModel model, FeatureScaling scaling)
    {
        ArgumentNullException.ThrowIfNull(net);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(scaling);
        var graph = new OnnxGraph();
        var layers = new OnnxLayers(graph, model.state_dict());
        var channels = scaling.Channels.Count;
        var grid = scaling.Grid;
        var x = graph.Node("Div", [InputName, graph.Constant("scale", [1, channels, 1, 1], [.. scaling.Scales])]);
        x = graph.Node("Min", [x, graph.Constant("clip", [1], [scaling.Clip])]);

        var skips = new string[net.Stages.Count];
        for (var s = 0; s < net.Stages.Count; s++)
        {
            x = Encoder(layers, net.Stages[s], s, x);
            skips[s] = x;
            x = Down(layers, net.Stages[s], s, x);
        }

        var pooled = graph.Node("Concat", [graph.Node("GlobalAveragePool", [x]), graph.Node("GlobalMaxPool", [x])], Int("axis", 1));
        var channelAxis = graph.Int64Constant("channel_axis", 1);
        var ratio = graph.Node("Squeeze", [layers.Linear("_ratioHead.", graph.Node("Flatten", [pooled], Int("axis", 1))), channelAxis]);
        for (var i = 0; i < net.Stages.Count; i++)
        {
            var s = net.Stages.Count - 1 - i;
            x = Up(layers, net.Upsample, i, x, skips[s]);
            var skip = net.Stages[s].Skip;
            if (skip == "concat")
            {
                x = graph.Node("Concat", [x, skips[s]], Int("axis", 1));
            }

            var prefix = $"_decoder.{i}.";
            x = layers.Relu(layers.BatchNorm(prefix + "1.", layers.Conv(prefix + "0.", x, net.DecoderKernel, 1, (net.DecoderKernel - 1) / 2, bias: true)));
            if (skip == "add")
            {
                x = graph.Node("Add", [x, skips[s]]);
            }
        }

        var hotspot = graph.Node("Squeeze", [layers.Conv("_hotspotHead.", x, 1, 1, 0, bias: true), channelAxis]);
        graph.Graph.Input.Add(FloatTensor(InputName, channels, grid, grid));
        graph.Output(RatioLogitName, ratio);
        graph.Output(HotspotLogitsName, hotspot, grid, grid);
        graph.Output(RatioName, graph.Node("Sigmoid", [ratio]));
        graph.Output(HotspotName, graph.Node("Sigmoid", [hotspot]), grid, grid);
        return graph.ToModel(
            Opset,
            EdaPlugin.Version,
            $"Input '{InputName}': float [batch, {channels}, {grid}, {grid}], the feature maps ({string.Join(", ", scaling.Channels)}) as `nas eda` extracts them (scaled inside). "
                + $"Outputs '{RatioLogitName}' [batch] and '{HotspotLogitsName}' [batch, {grid}, {grid}] (logits), '{RatioName}' and '{HotspotName}' (their sigmoids).",
            [
                new("channels", string.Join(",", scaling.Channels)),
                new("scales", string.Join(" ", scaling.Scales.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))),
                new("clip", scaling.Clip.ToString("R", CultureInfo.InvariantCulture)),
                new("network", net.ToCandidate().Json),
            ]);
    }

    // The state-dict names are RoutabilityModel's fields as TorchSharp registers them (underscore kept):
    // _encoder.S.I (Sequential children), _down.S.0, _up.I, _decoder.I.{0,1}, _ratioHead, _hotspotHead.

    /// <summary>Encoder stage <paramref name="index"/>: the Sequential of (Conv2d, BatchNorm2d, ReLU) per convolution.</summary>
    private static string Encoder(OnnxLayers layers, EncoderStage stage, int index, string x)
    {
        for (var c = 0; c < stage.Convs; c++)
        {
            var prefix = $"_encoder.{index}.{3 * c}.";
            var conv = layers.Conv(prefix, x, stage.Kernel, 1, stage.Dilation * (stage.Kernel - 1) / 2, bias: true, dilation: stage.Dilation);
            x = layers.Relu(layers.BatchNorm($"_encoder.{index}.{3 * c + 1}.", conv));
        }

        return x;
    }

    private static string Down(OnnxLayers layers, EncoderStage stage, int index, string x) => stage.Down switch
    {
        "max" => layers.Graph.Node("MaxPool", [x], Ints("kernel_shape", 2, 2), Ints("strides", 2, 2)),
        "avg" => layers.Graph.Node("AveragePool", [x], Ints("kernel_shape", 2, 2), Ints("strides", 2, 2)),
        _ => layers.Relu(layers.Conv($"_down.{index}.0.", x, 3, 2, 1, bias: true)),
    };

    /// <summary>
    /// Decoder step <paramref name="index"/>'s up-sampling of <paramref name="x"/> to the size of <paramref name="skip"/>:
    /// a transposed convolution, or a Resize to the skip's height and width (the batch and channels kept) with
    /// PyTorch's coordinate rules (nearest: asymmetric, floor; bilinear without aligned corners: pytorch_half_pixel).
    /// </summary>
    private static string Up(OnnxLayers layers, string mode, int index, string x, string skip)
    {
        if (mode == "transposed")
        {
            return layers.ConvTranspose($"_up.{index}.", x, 2, 2);
        }

        var graph = layers.Graph;
        var sizes = graph.Node("Concat", [graph.Node("Shape", [x], Int("end", 2)), graph.Node("Shape", [skip], Int("start", 2))], Int("axis", 0));
        return mode == "bilinear"
            ? graph.Node("Resize", [x, "", "", sizes], Text("mode", "linear"), Text("coordinate_transformation_mode", "pytorch_half_pixel"))
            : graph.Node("Resize", [x, "", "", sizes], Text("mode", "nearest"), Text("coordinate_transformation_mode", "asymmetric"), Text("nearest_mode", "floor"));
    }
}
