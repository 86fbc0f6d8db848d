using Google.Protobuf;
using Onnx;
using static TorchSharp.torch;

namespace NasPlatform.Plugins.Vision.Export;

/// <summary>
/// A growing ONNX graph made of OnnxSharp's protobuf types (<see cref="GraphProto"/>, <see cref="NodeProto"/>,
/// <see cref="TensorProto"/>): nodes get unique output names, and weights are copied from TorchSharp tensors as
/// float initializers.
/// </summary>
internal sealed class OnnxGraph
{
    private int _next;

    public GraphProto Graph { get; } = new() { Name = "network" };

    /// <summary>Adds a node of <paramref name="op"/> on <paramref name="inputs"/> and returns its output's name.</summary>
    public string Node(string op, IEnumerable<string> inputs, params AttributeProto[] attributes)
    {
        var output = $"{op.ToLowerInvariant()}_{_next++}";
        var node = new NodeProto { OpType = op, Name = output };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        node.Attribute.AddRange(attributes);
        Graph.Node.Add(node);
        return output;
    }

    /// <summary>A float initializer holding <paramref name="value"/> (copied to the CPU), named <paramref name="name"/>.</summary>
    public string Weight(string name, Tensor value)
    {
        using var cpu = value.detach().cpu().to_type(ScalarType.Float32).contiguous();
        return Constant(name, cpu.shape, cpu.data<float>().ToArray());
    }

    /// <summary>A float initializer of the given shape.</summary>
    public string Constant(string name, IEnumerable<long> shape, float[] values)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.AddRange(shape);
        var bytes = new byte[values.Length * sizeof(float)];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        // Raw little-endian data: what ONNX's own exporters write, and compact for large weights.
        tensor.RawData = ByteString.CopyFrom(bytes);
        Graph.Initializer.Add(tensor);
        return name;
    }

    /// <summary>Declares a float tensor input or output of shape (batch, dims…) with a symbolic batch size.</summary>
    public static ValueInfoProto FloatTensor(string name, params long[] dims)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "batch" });
        foreach (var d in dims)
        {
            shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = d });
        }

        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
        };
    }

    public static AttributeProto Ints(string name, params long[] values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }

    public static AttributeProto Int(string name, long value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static AttributeProto Float(string name, float value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };
}
