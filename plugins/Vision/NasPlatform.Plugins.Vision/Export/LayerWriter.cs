using NasPlatform.Onnx;
using NasPlatform.Plugins.Vision.Networks;
using static NasPlatform.Onnx.OnnxGraph;

namespace NasPlatform.Plugins.Vision.Export;

/// <summary>
/// Writes one <see cref="LayerSpec"/> into an <see cref="OnnxGraph"/> with the weights of the module
/// <see cref="NetworkBuilder"/> made for it: layer i is child "i" of the sequential network, and inside it the
/// names are the module fields (conv, bn, expand, depthwise, se, project, fused, first, second, shortcut). The
/// convolution, batch-norm and linear writers are the shared ones (<see cref="OnnxLayers"/>).
/// </summary>
internal sealed class LayerWriter(OnnxLayers layers)
{
    private readonly OnnxGraph _graph = layers.Graph;

    /// <summary>Writes layer <paramref name="index"/> on <paramref name="x"/> (with <paramref name="channels"/> channels); returns its output and width.</summary>
    public (string Output, int Channels) Layer(NetworkSpec network, int index, string x, int channels)
    {
        var prefix = $"{index}.";
        switch (network.Layers[index])
        {
            case ConvLayer c:
                return (ConvBnAct(prefix, x, c.Kernel, c.Stride, c.Pad, 1, c.Bias, c.BatchNorm, c.Activation), c.Out);
            case MbConvLayer b:
                return (MbConv(prefix, x, channels, b), b.Out);
            case FusedMbConvLayer f:
                return (FusedMbConv(prefix, x, channels, f), f.Out);
            case ResidualBlockLayer r:
                return (Residual(prefix, x, channels, r), r.Out);
            case PoolLayer p:
                return (_graph.Node(p.Max ? "MaxPool" : "AveragePool", [x], Ints("kernel_shape", p.Kernel, p.Kernel), Ints("strides", p.Stride, p.Stride)), channels);
            case GlobalPoolLayer:
                return (_graph.Node("Flatten", [_graph.Node("GlobalAveragePool", [x])], Int("axis", 1)), channels);
            case FlattenLayer:
                return (_graph.Node("Flatten", [x], Int("axis", 1)), channels);
            case DropoutLayer:
                return (x, channels);
            case LinearLayer l:
                // With an activation the Linear is child 0 of a Sequential (NetworkBuilder).
                var linear = l.Activation == Activation.None ? prefix : prefix + "0.";
                return (Activate(layers.Linear(linear, x), l.Activation), l.Out);
            default:
                throw new NotSupportedException($"Layer {index} ({network.Layers[index].GetType().Name}) has no ONNX form.");
        }
    }

    private string MbConv(string prefix, string input, int channels, MbConvLayer layer)
    {
        var mid = channels * layer.Expansion;
        var x = layer.Expansion == 1 ? input : ConvBnAct(prefix + "expand.", input, 1, 1, 0, 1, false, true, layer.Activation);
        x = ConvBnAct(prefix + "depthwise.", x, layer.Kernel, layer.Stride, layer.Kernel / 2, mid, false, true, layer.Activation);
        if (layer.SqueezeExcite)
        {
            x = SqueezeExcite(prefix + "se.", x);
        }

        x = ConvBnAct(prefix + "project.", x, 1, 1, 0, 1, false, true, Activation.None);
        return layer.Stride == 1 && channels == layer.Out ? _graph.Node("Add", [x, input]) : x;
    }

    private string FusedMbConv(string prefix, string input, int channels, FusedMbConvLayer layer)
    {
        var x = ConvBnAct(prefix + "fused.", input, layer.Kernel, layer.Stride, layer.Kernel / 2, 1, false, true, layer.Activation);
        if (layer.SqueezeExcite)
        {
            x = SqueezeExcite(prefix + "se.", x);
        }

        if (layer.Expansion != 1)
        {
            x = ConvBnAct(prefix + "project.", x, 1, 1, 0, 1, false, true, Activation.None);
        }

        return layer.Stride == 1 && channels == layer.Out ? _graph.Node("Add", [x, input]) : x;
    }

    private string Residual(string prefix, string input, int channels, ResidualBlockLayer layer)
    {
        var main = ConvBnAct(prefix + "first.", input, 3, layer.Stride, 1, 1, false, true, Activation.Relu);
        main = ConvBnAct(prefix + "second.", main, 3, 1, 1, 1, false, true, Activation.None);
        var skip = layer.Stride != 1 || channels != layer.Out
            ? ConvBnAct(prefix + "shortcut.", input, 1, layer.Stride, 0, 1, false, true, Activation.None)
            : input;
        return _graph.Node("Relu", [_graph.Node("Add", [main, skip])]);
    }

    private string SqueezeExcite(string prefix, string input)
    {
        var pooled = _graph.Node("GlobalAveragePool", [input]);
        var reduced = _graph.Node("Relu", [_graph.Node("Conv", [pooled, Weight(prefix + "reduce.weight"), Weight(prefix + "reduce.bias")])]);
        var gate = _graph.Node("Sigmoid", [_graph.Node("Conv", [reduced, Weight(prefix + "expand.weight"), Weight(prefix + "expand.bias")])]);
        return _graph.Node("Mul", [input, gate]);
    }

    private string ConvBnAct(string prefix, string input, int kernel, int stride, int padding, int groups, bool bias, bool batchNorm, Activation activation)
    {
        var x = layers.Conv(prefix + "conv.", input, kernel, stride, padding, bias, groups: groups);
        if (batchNorm)
        {
            x = layers.BatchNorm(prefix + "bn.", x);
        }

        return Activate(x, activation);
    }

    private string Activate(string x, Activation activation) => activation switch
    {
        Activation.None => x,
        Activation.Relu => _graph.Node("Relu", [x]),
        Activation.HardSwish => _graph.Node("HardSwish", [x]),
        _ => throw new NotSupportedException($"Activation {activation} has no ONNX form."),
    };

    private string Weight(string name) => layers.Weight(name);
}
