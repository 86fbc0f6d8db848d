using System.Globalization;
using NasPlatform.Onnx;
using NasPlatform.Plugins.Vision.Networks;
using Onnx;
using static TorchSharp.torch;

namespace NasPlatform.Plugins.Vision.Export;

/// <summary>
/// Writes a trained vision network as an ONNX model that ONNX Runtime (<c>Microsoft.ML.OnnxRuntime</c>) or ML.NET can
/// serve without TorchSharp. The graph follows the <see cref="NetworkSpec"/> the module was built from, layer by layer
/// (convolution, batch normalization with its running statistics, ReLU/h-swish, MBConv and Fused-MBConv blocks with
/// squeeze-excitation, residual blocks, pooling, linear layers; dropout is left out as in evaluation mode), and starts
/// with the training split's per-channel normalization, so an application feeds raw pixel values (0-255, channels
/// first). Input <see cref="InputName"/>: float [batch, channels, size, size]; output <see cref="OutputName"/>: float
/// [batch, classes], the logits (argmax is the class; the class names are in the metadata under "classes").
/// </summary>
public static class OnnxExporter
{
    public const string InputName = "pixels";

    public const string OutputName = "logits";

    /// <summary>ONNX operator set 17 (HardSwish needs 14); ONNX Runtime has run it since 1.11.</summary>
    public const int Opset = 17;

    /// <summary>Writes <paramref name="path"/>; see <see cref="Build"/>.</summary>
    public static void Write(string path, NetworkSpec network, nn.Module model, ExportedInput input, IReadOnlyList<string> classNames)
    {
        OnnxGraph.Write(path, Build(network, model, input, classNames));
    }

    /// <summary>The ONNX model of <paramref name="model"/>, which <see cref="NetworkBuilder.Build"/> made from <paramref name="network"/>.</summary>
    public static ModelProto Build(NetworkSpec network, nn.Module model, ExportedInput input, IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(classNames);
        if (input.Mean.Count != network.InChannels || input.Std.Count != network.InChannels)
        {
            throw new ArgumentException($"The normalization has {input.Mean.Count} means and {input.Std.Count} deviations for a network of {network.InChannels} input channels.", nameof(input));
        }

        var state = model.state_dict();
        var graph = new OnnxGraph();
        var writer = new LayerWriter(new OnnxLayers(graph, state));
        long[] shape = [1, network.InChannels, 1, 1];
        var x = graph.Node("Sub", [InputName, graph.Constant("normalize.mean", shape, [.. input.Mean.Select(v => (float)v)])]);
        x = graph.Node("Div", [x, graph.Constant("normalize.std", shape, [.. input.Std.Select(v => (float)v)])]);
        var channels = network.InChannels;
        for (var i = 0; i < network.Layers.Count; i++)
        {
            (x, channels) = writer.Layer(network, i, x, channels);
        }

        graph.Output(OutputName, x, classNames.Count);
        graph.Graph.Input.Add(OnnxGraph.FloatTensor(InputName, network.InChannels, network.Resolution, network.Resolution));
        return graph.ToModel(
            Opset,
            VisionPlugin.Version,
            $"Input '{InputName}': float [batch, {network.InChannels}, {network.Resolution}, {network.Resolution}], raw pixel values 0-255 (normalized inside). Output '{OutputName}': float [batch, {classNames.Count}] logits.",
            [
                new("classes", string.Join(",", classNames)),
                new("normalization", string.Create(CultureInfo.InvariantCulture, $"mean {string.Join(" ", input.Mean)}; std {string.Join(" ", input.Std)}")),
            ]);
    }
}
