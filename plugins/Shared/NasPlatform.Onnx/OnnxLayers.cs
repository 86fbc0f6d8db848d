using static NasPlatform.Onnx.OnnxGraph;
using static TorchSharp.torch;

namespace NasPlatform.Onnx;

/// <summary>
/// Writes the layers every exported network is made of into an <see cref="OnnxGraph"/>, with the weights of a
/// trained module's state dict under PyTorch's names: a convolution at <c>prefix</c> has <c>prefix.weight</c> (and
/// <c>prefix.bias</c>), a batch normalization <c>weight</c>, <c>bias</c>, <c>running_mean</c> and <c>running_var</c>,
/// a linear layer <c>weight</c> and <c>bias</c>.
/// </summary>
/// <param name="graph">The graph to add to.</param>
/// <param name="state">The trained module's state dict (<c>module.state_dict()</c>).</param>
public sealed class OnnxLayers(OnnxGraph graph, IReadOnlyDictionary<string, Tensor> state)
{
    /// <summary>TorchSharp's and PyTorch's default batch-normalization epsilon.</summary>
    public const float BatchNormEpsilon = 1e-5f;

    /// <summary>The graph written to.</summary>
    public OnnxGraph Graph { get; } = graph;

    /// <summary>A square 2-D convolution (Conv) with the weight <c>{prefix}weight</c> and, when <paramref name="bias"/>, <c>{prefix}bias</c>.</summary>
    public string Conv(string prefix, string input, int kernel, int stride, int padding, bool bias, int dilation = 1, int groups = 1)
    {
        List<string> inputs = [input, Weight(prefix + "weight")];
        if (bias)
        {
            inputs.Add(Weight(prefix + "bias"));
        }

        return Graph.Node("Conv", inputs, Ints("kernel_shape", kernel, kernel), Ints("strides", stride, stride),
            Ints("pads", padding, padding, padding, padding), Ints("dilations", dilation, dilation), Int("group", groups));
    }

    /// <summary>A square transposed convolution (ConvTranspose) without padding, weight [in, out, k, k] and bias at <paramref name="prefix"/>.</summary>
    public string ConvTranspose(string prefix, string input, int kernel, int stride) =>
        Graph.Node("ConvTranspose", [input, Weight(prefix + "weight"), Weight(prefix + "bias")],
            Ints("kernel_shape", kernel, kernel), Ints("strides", stride, stride));

    /// <summary>Batch normalization in evaluation mode: the running statistics at <paramref name="prefix"/>.</summary>
    public string BatchNorm(string prefix, string input) =>
        Graph.Node("BatchNormalization",
            [input, Weight(prefix + "weight"), Weight(prefix + "bias"), Weight(prefix + "running_mean"), Weight(prefix + "running_var")],
            Float("epsilon", BatchNormEpsilon));

    /// <summary>A linear layer (Gemm, weight [out, in]) on a [batch, in] input.</summary>
    public string Linear(string prefix, string input) =>
        Graph.Node("Gemm", [input, Weight(prefix + "weight"), Weight(prefix + "bias")], Int("transB", 1));

    /// <summary>ReLU.</summary>
    public string Relu(string input) => Graph.Node("Relu", [input]);

    /// <summary>The weight <paramref name="name"/> of the state dict as an initializer (once, however often it is used).</summary>
    public string Weight(string name)
    {
        if (Graph.Graph.Initializer.Any(i => i.Name == name))
        {
            return name;
        }

        return state.TryGetValue(name, out var value)
            ? Graph.Weight(name, value)
            : throw new InvalidDataException($"The model has no weight '{name}' where its network description puts one (its weights start {string.Join(", ", state.Keys.Take(3))}); were the weights saved for another candidate?");
    }
}
