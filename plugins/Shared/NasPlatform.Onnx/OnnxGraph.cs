using Google.Protobuf;
using Onnx;
using static TorchSharp.torch;

namespace NasPlatform.Onnx;

/// <summary>
/// A growing ONNX graph made of OnnxSharp's protobuf types (<see cref="GraphProto"/>, <see cref="NodeProto"/>,
/// <see cref="TensorProto"/>): nodes get unique output names, and weights are copied from TorchSharp tensors as
/// float initializers.
/// </summary>
public sealed class OnnxGraph
{
    private int _next;

    /// <summary>The graph built so far.</summary>
    public GraphProto Graph { get; } = new() { Name = "network" };

    /// <summary>Adds a node of <paramref name="op"/> on <paramref name="inputs"/> and returns its output's name.</summary>
    public string Node(string op, IEnumerable<string> inputs, params AttributeProto[] attributes)
    {
        ArgumentException.ThrowIfNullOrEmpty(op);
        var output = $"{op.ToLowerInvariant()}_{_next++}";
        var node = new NodeProto { OpType = op, Name = output };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        node.Attribute.AddRange(attributes);
        Graph.Node.Add(node);
        return output;
    }

    /// <summary>Names <paramref name="value"/> as the graph output <paramref name="name"/> (an Identity node), declared with <paramref name="dims"/> after the batch.</summary>
    public void Output(string name, string value, params long[] dims)
    {
        var node = new NodeProto { OpType = "Identity", Name = name };
        node.Input.Add(value);
        node.Output.Add(name);
        Graph.Node.Add(node);
        Graph.Output.Add(FloatTensor(name, dims));
    }

    /// <summary>A float initializer holding <paramref name="value"/> (copied to the CPU), named <paramref name="name"/>.</summary>
    public string Weight(string name, Tensor value)
    {
        ArgumentNullException.ThrowIfNull(value);
        using var cpu = value.detach().cpu().to_type(ScalarType.Float32).contiguous();
        return Constant(name, cpu.shape, cpu.data<float>().ToArray());
    }

    /// <summary>A float initializer of the given shape.</summary>
    public string Constant(string name, IEnumerable<long> shape, float[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.AddRange(shape);
        var bytes = new byte[values.Length * sizeof(float)];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        // Raw little-endian data: what ONNX's own exporters write, and compact for large weights.
        tensor.RawData = ByteString.CopyFrom(bytes);
        Graph.Initializer.Add(tensor);
        return name;
    }

    /// <summary>A one-dimensional int64 initializer (axes, shapes: what Squeeze, Reshape and Resize take as inputs).</summary>
    public string Int64Constant(string name, params long[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
        tensor.Dims.Add(values.Length);
        tensor.Int64Data.AddRange(values);
        Graph.Initializer.Add(tensor);
        return name;
    }

    /// <summary>
    /// The model of this graph: IR version 8, operator set <paramref name="opset"/>, producer NasPlatform
    /// <paramref name="producerVersion"/>, and <paramref name="metadata"/> as its metadata properties.
    /// </summary>
    public ModelProto ToModel(int opset, string producerVersion, string docString, IEnumerable<KeyValuePair<string, string>> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var proto = new ModelProto
        {
            IrVersion = 8,
            ProducerName = "NasPlatform",
            ProducerVersion = producerVersion,
            DocString = docString,
            Graph = Graph,
        };
        proto.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = opset });
        foreach (var (key, value) in metadata)
        {
            proto.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        }

        return proto;
    }

    /// <summary>Writes <paramref name="model"/> to <paramref name="path"/> through a temporary file, so a reader never sees half a model.</summary>
    public static void Write(string path, ModelProto model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var temporary = path + ".tmp";
        using (var stream = File.Create(temporary))
        {
            model.WriteTo(stream);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Declares a float tensor input or output of shape (batch, dims…) with a symbolic batch size.</summary>
    public static ValueInfoProto FloatTensor(string name, params long[] dims)
    {
        ArgumentNullException.ThrowIfNull(dims);
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

    /// <summary>An attribute holding a list of integers.</summary>
    public static AttributeProto Ints(string name, params long[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }

    /// <summary>An integer attribute.</summary>
    public static AttributeProto Int(string name, long value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    /// <summary>A float attribute.</summary>
    public static AttributeProto Float(string name, float value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };

    /// <summary>A string attribute.</summary>
    public static AttributeProto Text(string name, string value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8(value) };
}
