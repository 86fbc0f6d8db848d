namespace NasPlatform.Plugins.Vision.Networks;

/// <summary>
/// Parameter count and multiply-accumulates of a <see cref="NetworkSpec"/>, from shapes alone (no module is
/// built). Parameters are the trainable tensors (batch-norm running statistics are buffers, not parameters);
/// MACs count convolutions and fully connected layers for one image, as papers report them (batch-norm,
/// activations, pooling and additions are left out).
/// </summary>
public static class NetworkStatistics
{
    public static (long Parameters, long Macs) Count(NetworkSpec network)
    {
        ArgumentNullException.ThrowIfNull(network);
        long parameters = 0, macs = 0;
        var shape = new Shape(network.InChannels, network.Resolution, network.Resolution);
        foreach (var layer in network.Layers)
        {
            var (p, m, next) = Count(layer, shape);
            parameters += p;
            macs += m;
            shape = next;
        }

        return (parameters, macs);
    }

    /// <summary>Each layer with its input and output shapes, parameters and MACs (they add up to <see cref="Count(NetworkSpec)"/>).</summary>
    public static IReadOnlyList<LayerCount> Layers(NetworkSpec network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var layers = new List<LayerCount>(network.Layers.Count);
        var shape = new Shape(network.InChannels, network.Resolution, network.Resolution);
        foreach (var layer in network.Layers)
        {
            var (p, m, next) = Count(layer, shape);
            layers.Add(new LayerCount(layer, shape, next, p, m));
            shape = next;
        }

        return layers;
    }

    /// <summary>The output shape of the network for its input resolution (throws when a layer would shrink it below 1x1).</summary>
    public static Shape OutputShape(NetworkSpec network)
    {
        var shape = new Shape(network.InChannels, network.Resolution, network.Resolution);
        foreach (var layer in network.Layers)
        {
            shape = Count(layer, shape).Next;
        }

        return shape;
    }

    private static (long Parameters, long Macs, Shape Next) Count(LayerSpec layer, Shape s)
    {
        switch (layer)
        {
            case ConvLayer c:
            {
                RequireSpatial(s, layer);
                var next = new Shape(c.Out, Output(s.Height, c.Kernel, c.Stride, c.Pad), Output(s.Width, c.Kernel, c.Stride, c.Pad));
                long p = (long)s.Channels * c.Out * c.Kernel * c.Kernel + (c.Bias ? c.Out : 0) + (c.BatchNorm ? 2L * c.Out : 0);
                return (p, next.Pixels * c.Out * s.Channels * c.Kernel * c.Kernel, next);
            }

            case MbConvLayer b:
                return CountMbConv(b, s);
            case FusedMbConvLayer f:
                return CountFusedMbConv(f, s);
            case ResidualBlockLayer r:
                return CountResidualBlock(r, s);
            case PoolLayer pool:
                RequireSpatial(s, layer);
                return (0, 0, new Shape(s.Channels, Output(s.Height, pool.Kernel, pool.Stride, 0), Output(s.Width, pool.Kernel, pool.Stride, 0)));
            case GlobalPoolLayer:
                return (0, 0, new Shape(s.Channels, 1, 1) with { Flat = true });
            case FlattenLayer:
                return (0, 0, new Shape(s.Channels * s.Height * s.Width, 1, 1) with { Flat = true });
            case DropoutLayer:
                return (0, 0, s);
            case LinearLayer l:
            {
                if (!s.Flat)
                {
                    throw new InvalidOperationException($"A linear layer needs a flattened input; put a flatten or global pool before {l}.");
                }

                return ((long)s.Channels * l.Out + l.Out, (long)s.Channels * l.Out, new Shape(l.Out, 1, 1) with { Flat = true });
            }

            default:
                throw new NotSupportedException($"Unknown layer {layer.GetType().Name}.");
        }
    }

    /// <summary>MBConv: expansion 1x1 (when the ratio is not 1), depthwise k×k, optional squeeze-excitation, projection 1x1; each with batch norm.</summary>
    private static (long Parameters, long Macs, Shape Next) CountMbConv(MbConvLayer b, Shape s)
    {
        RequireSpatial(s, b);
        var mid = s.Channels * b.Expansion;
        var next = new Shape(b.Out, Output(s.Height, b.Kernel, b.Stride, b.Kernel / 2), Output(s.Width, b.Kernel, b.Stride, b.Kernel / 2));
        long p = 0, m = 0;
        if (b.Expansion != 1)
        {
            p += (long)s.Channels * mid + 2L * mid;
            m += s.Pixels * s.Channels * mid;
        }

        p += (long)mid * b.Kernel * b.Kernel + 2L * mid;
        m += next.Pixels * mid * b.Kernel * b.Kernel;
        var (seParameters, seMacs) = b.SqueezeExcite ? SqueezeExcite(mid) : (0L, 0L);
        p += seParameters;
        m += seMacs;

        p += (long)mid * b.Out + 2L * b.Out;
        m += next.Pixels * mid * b.Out;
        return (p, m, next);
    }

    /// <summary>Fused MBConv: one k×k convolution to the middle width, optional squeeze-excitation, projection 1x1 when expanded.</summary>
    private static (long Parameters, long Macs, Shape Next) CountFusedMbConv(FusedMbConvLayer f, Shape s)
    {
        RequireSpatial(s, f);
        var mid = f.Mid(s.Channels);
        var next = new Shape(f.Out, Output(s.Height, f.Kernel, f.Stride, f.Kernel / 2), Output(s.Width, f.Kernel, f.Stride, f.Kernel / 2));
        long p = (long)s.Channels * mid * f.Kernel * f.Kernel + 2L * mid;
        var m = next.Pixels * mid * s.Channels * f.Kernel * f.Kernel;
        var (seParameters, seMacs) = f.SqueezeExcite ? SqueezeExcite(mid) : (0L, 0L);
        p += seParameters;
        m += seMacs;

        if (f.Expansion != 1)
        {
            p += (long)mid * f.Out + 2L * f.Out;
            m += next.Pixels * mid * f.Out;
        }

        return (p, m, next);
    }

    /// <summary>A basic residual block: two 3×3 convolutions with batch norm, and a 1x1 projection on the shortcut when the shape changes.</summary>
    private static (long Parameters, long Macs, Shape Next) CountResidualBlock(ResidualBlockLayer r, Shape s)
    {
        RequireSpatial(s, r);
        var next = new Shape(r.Out, Output(s.Height, 3, r.Stride, 1), Output(s.Width, 3, r.Stride, 1));
        long p = 9L * s.Channels * r.Out + 2L * r.Out + 9L * r.Out * r.Out + 2L * r.Out;
        var m = next.Pixels * r.Out * (9L * s.Channels + 9L * r.Out);
        if (r.Stride != 1 || s.Channels != r.Out)
        {
            p += (long)s.Channels * r.Out + 2L * r.Out;
            m += next.Pixels * s.Channels * r.Out;
        }

        return (p, m, next);
    }

    /// <summary>Squeeze-excitation on <paramref name="channels"/> channels: two 1x1 convolutions with biases, through the squeezed width.</summary>
    private static (long Parameters, long Macs) SqueezeExcite(int channels)
    {
        var se = MbConvLayer.SqueezeChannels(channels);
        return (2L * channels * se + se + channels, 2L * channels * se);
    }

    private static void RequireSpatial(Shape s, LayerSpec layer)
    {
        if (s.Flat)
        {
            throw new InvalidOperationException($"{layer} needs an image input but follows a flatten or global pool.");
        }
    }

    private static int Output(int size, int kernel, int stride, int padding)
    {
        var output = (size + 2 * padding - kernel) / stride + 1;
        return output >= 1
            ? output
            : throw new InvalidOperationException($"A {kernel}x{kernel} window with stride {stride} and padding {padding} does not fit a {size}-pixel input.");
    }

    /// <summary>One layer of a network with what it takes in, gives out and costs.</summary>
    public sealed record LayerCount(LayerSpec Layer, Shape Input, Shape Output, long Parameters, long Macs);

    /// <summary>Channels x height x width of a feature map; <see cref="Flat"/> once flattened to a vector of <see cref="Channels"/>.</summary>
    public sealed record Shape(int Channels, int Height, int Width)
    {
        public bool Flat { get; init; }

        public long Pixels => (long)Height * Width;
    }
}
